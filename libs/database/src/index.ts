export * from './database.module';
export * from './prisma.service';
export * from './migrate';
export * from './report-mapping';
export * from './repositories/labs.repository';
export * from './repositories/submissions.repository';
