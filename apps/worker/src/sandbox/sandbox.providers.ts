import { Provider } from '@nestjs/common';
import Docker from 'dockerode';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig, redisOptions } from '@asynclab/config';
import { CappedSandboxDriver, connectDocker, dockerEngineId, DockerSandboxDriver, SANDBOX_DRIVER, SandboxReaper } from '@asynclab/sandbox';
import { DOCKER_ENGINE_ID, WORKER_REDIS } from '../fleet/worker-heartbeat.service';
import { SandboxOwnerService } from './sandbox-owner.service';

export const DOCKER = Symbol('DOCKER');

export const sandboxProviders: Provider[] = [
  SandboxOwnerService,
  {
    provide: DOCKER,
    inject: [APP_CONFIG],
    // DOCKER_HOST and its TLS settings: the engine may be on another host than the API's.
    useFactory: (config: AppConfig) => connectDocker(config.sandbox.dockerSocket, config.sandbox.docker),
  },
  {
    provide: WORKER_REDIS,
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) => {
      const redis = new Redis({ ...redisOptions(config.redisUrl), maxRetriesPerRequest: 1 });
      redis.on('error', () => undefined); // each caller reports its own failures
      return redis;
    },
  },
  {
    provide: DOCKER_ENGINE_ID,
    inject: [DOCKER],
    useFactory: (docker: Docker) => dockerEngineId(docker).catch(() => 'unknown-engine'),
  },
  {
    provide: SANDBOX_DRIVER,
    inject: [APP_CONFIG, DOCKER, SandboxOwnerService, WORKER_REDIS, DOCKER_ENGINE_ID],
    useFactory: (config: AppConfig, docker: Docker, owner: SandboxOwnerService, redis: Redis, engineId: string) => {
      const driver = new DockerSandboxDriver(docker, config.sandbox.image, config.sandbox, { id: owner.ownerId, namespace: owner.namespace });
      if (config.sandbox.maxPerDockerHost === 0) return driver;
      return new CappedSandboxDriver(driver, redis, `${owner.namespace}:${engineId}`, config.sandbox.maxPerDockerHost);
    },
  },
  {
    provide: SandboxReaper,
    inject: [DOCKER, SandboxOwnerService],
    useFactory: (docker: Docker, owner: SandboxOwnerService) => new SandboxReaper(docker, owner.namespace, (id) => owner.isAlive(id)),
  },
];
