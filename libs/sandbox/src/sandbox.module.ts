// The one way to build a sandbox driver: the worker's Nest module below, and the same factory for
// the runners outside Nest (the preflight, `npm run labs:check`, the tests).
import { Module } from '@nestjs/common';
import Docker from 'dockerode';
import { APP_CONFIG, AppConfig } from '@asynclab/config';
import { DockerSandboxDriver } from './docker-sandbox.driver';
import { SANDBOX_DRIVER } from './sandbox-driver';
import type { SandboxOwner } from './sandbox-labels';
import { SandboxOwnerService } from './sandbox-owner.service';
import { SandboxReaper } from './sandbox-reaper';

export const DOCKER = Symbol('DOCKER');

type SandboxSettings = AppConfig['sandbox'];

export function dockerClient(settings: SandboxSettings): Docker {
  return new Docker({ socketPath: settings.dockerSocket });
}

/** `owner` null: a runner without a heartbeat (labs:check, tests); only deadlines tell its containers are stale. */
export function createSandboxDriver(
  settings: SandboxSettings,
  owner: SandboxOwner | null,
  docker = dockerClient(settings),
): DockerSandboxDriver {
  return new DockerSandboxDriver(docker, settings.image, settings, owner);
}

@Module({
  providers: [
    SandboxOwnerService,
    { provide: DOCKER, inject: [APP_CONFIG], useFactory: (config: AppConfig) => dockerClient(config.sandbox) },
    {
      provide: SANDBOX_DRIVER,
      inject: [APP_CONFIG, DOCKER, SandboxOwnerService],
      useFactory: (config: AppConfig, docker: Docker, owner: SandboxOwnerService) =>
        createSandboxDriver(config.sandbox, { id: owner.ownerId, namespace: owner.namespace }, docker),
    },
    {
      provide: SandboxReaper,
      inject: [DOCKER, SandboxOwnerService],
      useFactory: (docker: Docker, owner: SandboxOwnerService) => new SandboxReaper(docker, owner.namespace, (id) => owner.isAlive(id)),
    },
  ],
  exports: [SANDBOX_DRIVER, SandboxReaper, SandboxOwnerService],
})
export class SandboxModule {}
