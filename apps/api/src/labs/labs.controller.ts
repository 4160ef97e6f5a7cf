import { Controller, Get, Param } from '@nestjs/common';
import type { LabDetail, LabSummary } from '@asynclab/contracts';
import { LabCatalogService } from '@asynclab/lab-catalog';
import { ApiException } from '../common/api.exception';

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
    if (!lab) throw new ApiException(404, 'LAB_NOT_FOUND', `lab "${id}" does not exist`, 'id');
    return lab;
  }
}
