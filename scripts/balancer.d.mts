import type { Server } from 'node:http';

export interface Balancer {
  port: number;
  server: Server;
  close(): Promise<void>;
}

export function startBalancer(options: { port?: number; upstreams: number[] }): Promise<Balancer>;
