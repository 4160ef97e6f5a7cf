export * from './lab-manifest';
export * from './lab-content';
export * from './lab-catalog.service';
export * from './lab-catalog.module';
