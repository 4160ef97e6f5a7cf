import { Module } from '@nestjs/common';
import { LabCatalogModule } from '@asynclab/lab-catalog';
import { LabsController } from './labs.controller';

@Module({ imports: [LabCatalogModule], controllers: [LabsController] })
export class LabsModule {}
