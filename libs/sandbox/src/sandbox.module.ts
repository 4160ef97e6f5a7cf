// The one way to build a sandbox driver: the worker's Nest module below, and the same factory for
// the runners outside Nest (the preflight, `npm run labs:check`, the tests).
import { Module } from '@nestjs/common';
import Docker from 'dockerode';
import { APP_CONFIG, AppConfig, RedisConnections } from '@asynclab/config';
import { CappedSandboxDriver } from './capped-sandbox.driver';
import { connectDocker, dockerEngineId } from './docker-connection';
import { DockerSandboxDriver } from './docker-sandbox.driver';
import { SANDBOX_DRIVER, SandboxDriver } from './sandbox-driver';
import type { SandboxOwner } from './sandbox-labels';
import { SandboxOwnerService } from './sandbox-owner.service';
import { SandboxReaper } from './sandbox-reaper';

export const DOCKER = Symbol('DOCKER');
/** The Docker engine's own ID: every worker using one engine names it the same. */
export const DOCKER_ENGINE_ID = Symbol('DOCKER_ENGINE_ID');

type SandboxSettings = AppConfig['sandbox'];

/** The local socket, or another host's engine through DOCKER_HOST and its TLS settings. */
export function dockerClient(settings: SandboxSettings): Docker {
  return connectDocker(settings.dockerSocket, settings.docker);
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
    { provide: DOCKER_ENGINE_ID, inject: [DOCKER], useFactory: (docker: Docker) => dockerEngineId(docker).catch(() => 'unknown-engine') },
    {
      provide: SANDBOX_DRIVER,
      inject: [APP_CONFIG, DOCKER, SandboxOwnerService, RedisConnections, DOCKER_ENGINE_ID],
      useFactory: (
        config: AppConfig,
        docker: Docker,
        owner: SandboxOwnerService,
        redis: RedisConnections,
        engineId: string,
      ): SandboxDriver => {
        const driver = createSandboxDriver(config.sandbox, { id: owner.ownerId, namespace: owner.namespace }, docker);
        if (config.sandbox.maxPerDockerHost === 0) return driver;
        // SANDBOX_MAX_PER_DOCKER_HOST: one cap for every worker on this engine, kept in Redis.
        return new CappedSandboxDriver(driver, redis.commands, `${owner.namespace}:${engineId}`, config.sandbox.maxPerDockerHost);
      },
    },
    {
      provide: SandboxReaper,
      inject: [DOCKER, SandboxOwnerService],
      useFactory: (docker: Docker, owner: SandboxOwnerService) => new SandboxReaper(docker, owner.namespace, (id) => owner.isAlive(id)),
    },
  ],
  exports: [SANDBOX_DRIVER, SandboxReaper, SandboxOwnerService, DOCKER, DOCKER_ENGINE_ID],
})
export class SandboxModule {}
