import { Provider } from '@nestjs/common';
import Docker from 'dockerode';
import { APP_CONFIG, AppConfig } from '@asynclab/config';
import { DockerSandboxDriver, SANDBOX_DRIVER, SandboxReaper } from '@asynclab/sandbox';
import { SandboxOwnerService } from './sandbox-owner.service';

export const DOCKER = Symbol('DOCKER');

export const sandboxProviders: Provider[] = [
  SandboxOwnerService,
  {
    provide: DOCKER,
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) => new Docker({ socketPath: config.sandbox.dockerSocket }),
  },
  {
    provide: SANDBOX_DRIVER,
    inject: [APP_CONFIG, DOCKER, SandboxOwnerService],
    useFactory: (config: AppConfig, docker: Docker, owner: SandboxOwnerService) =>
      new DockerSandboxDriver(docker, config.sandbox.image, config.sandbox, { id: owner.ownerId, namespace: owner.namespace }),
  },
  {
    provide: SandboxReaper,
    inject: [DOCKER, SandboxOwnerService],
    useFactory: (docker: Docker, owner: SandboxOwnerService) => new SandboxReaper(docker, owner.namespace, (id) => owner.isAlive(id)),
  },
];
