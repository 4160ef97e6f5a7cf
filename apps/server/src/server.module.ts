// The single-machine start: the API and the worker as one Nest application over one set of
// providers, so the process holds one PrismaService, one RedisConnections and one config.
import { Module } from '@nestjs/common';
import { ApiModule } from '../../api/src/app.module';
import { WorkerModule } from '../../worker/src/worker.module';

@Module({ imports: [ApiModule, WorkerModule] })
export class ServerModule {}
