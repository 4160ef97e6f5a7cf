// BullMQ types its connection narrowly (IRedisClient); it is the ioredis client we gave it.
import type { Queue } from 'bullmq';
import type Redis from 'ioredis';

export async function queueRedis(queue: Queue): Promise<Redis> {
  return (await queue.client) as unknown as Redis;
}
