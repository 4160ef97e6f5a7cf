// The one provider of Redis connections in a process. Each use gets the connection settings it
// needs, decided here: plain commands fail fast and never pile up offline (a lost event or a
// missed heartbeat is tolerated, a hung request is not); a subscriber waits through outages and
// re-subscribes; BullMQ opens its own connections from options (docs.bullmq.io, "going to
// production": producers fail fast, workers retry forever).
import { Global, Inject, Injectable, Logger, Module, OnModuleDestroy } from '@nestjs/common';
import Redis, { type RedisOptions } from 'ioredis';
import { APP_CONFIG, AppConfig, redisOptions } from './app-config';

export type BullRole = 'producer' | 'consumer';

@Injectable()
export class RedisConnections implements OnModuleDestroy {
  private readonly logger = new Logger(RedisConnections.name);
  private readonly opened = new Set<Redis>();
  private commandsClient?: Redis;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** The process's shared connection for plain commands (publish, heartbeats, locks). */
  get commands(): Redis {
    this.commandsClient ??= this.open('commands', { maxRetriesPerRequest: 1, enableOfflineQueue: false });
    return this.commandsClient;
  }

  /** A connection of its own for pub/sub: a subscribed connection can do nothing else. */
  subscriber(name: string): Redis {
    return this.open(name, { maxRetriesPerRequest: null });
  }

  /** Options for a BullMQ Queue (producer) or Worker (consumer), which open their own connections. */
  bullmq(role: BullRole): RedisOptions {
    const base = redisOptions(this.config.redisUrl);
    return role === 'producer' ? { ...base, enableOfflineQueue: false, maxRetriesPerRequest: 1 } : { ...base, maxRetriesPerRequest: null };
  }

  onModuleDestroy(): void {
    for (const client of this.opened) client.disconnect();
    this.opened.clear();
  }

  private open(name: string, options: RedisOptions): Redis {
    const client = new Redis({ ...redisOptions(this.config.redisUrl), lazyConnect: true, ...options });
    // Errors are reported by whoever uses the connection; this keeps ioredis from logging each retry.
    client.on('error', (error: Error) => {
      this.logger.debug(`${name}: ${error.message}`);
    });
    void client.connect().catch(() => undefined);
    this.opened.add(client);
    return client;
  }
}

@Global()
@Module({ providers: [RedisConnections], exports: [RedisConnections] })
export class RedisModule {}
