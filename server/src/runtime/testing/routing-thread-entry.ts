// A script for the routing thread alone, for tests (bundled by them): what main.ts does in a worker.
import { isRoutingThread, runRoutingThread } from '../routing-thread';

if (isRoutingThread()) runRoutingThread();
