import { Controller, Get, Param } from '@nestjs/common';
import { LabCatalogService, PublicLab } from '@asynclab/lab-catalog';
import { ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { ApiException } from '../common/api.exception';

/** The public catalog: readable without signing in. */
@ApiTags('labs')
@Access({ public: true })
@Controller('labs')
export class LabsController {
  constructor(private readonly catalog: LabCatalogService) {}

  @Get()
  list(): { labs: PublicLab[] } {
    return { labs: this.catalog.list() };
  }

  @Get(':id')
  get(@Param('id') id: string): PublicLab {
    const lab = this.catalog.describe(id);
    if (!lab) throw new ApiException(404, 'LAB_NOT_FOUND', `lab "${id}" does not exist`, 'id');
    return lab;
  }
}
