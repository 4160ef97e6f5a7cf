import { Module } from '@nestjs/common';
import { DatabaseModule } from '@asynclab/database';
import { LabCatalogService } from './lab-catalog.service';

@Module({
  imports: [DatabaseModule],
  providers: [LabCatalogService],
  exports: [LabCatalogService],
})
export class LabCatalogModule {}
