import { Controller, Get, Param } from '@nestjs/common';
import { ErrorCode, type LabDetail, type LabSummary } from '@asynclab/contracts';
import { LabCatalogService } from '@asynclab/lab-catalog';
import { LabsException } from './labs.exception';

@Controller('labs')
export class LabsController {
  constructor(private readonly catalog: LabCatalogService) {}

  @Get()
  list(): { labs: LabSummary[] } {
    return { labs: this.catalog.list() };
  }

  @Get(':id')
  get(@Param('id') id: string): LabDetail {
    const lab = this.catalog.describe(id);
    if (!lab) throw new LabsException(ErrorCode.LabNotFound, `lab "${id}" does not exist`, 'id');
    return lab;
  }
}
