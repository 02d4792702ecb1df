// The production IdGenerator: ULIDs (https://github.com/ulid/spec). 26 characters of Crockford base32,
// 48 bits of milliseconds then 80 random bits, so ids sort as strings in the order they were made, which
// the queue relies on. Within one millisecond (or if the clock steps back) the random part is incremented
// instead of drawn again, so order holds inside a process; across processes ids stay unique by chance
// (80 bits). Records people manage get their readable prefix in front (agt_01ARYZ6S41…).
import { randomBytes } from 'node:crypto';
import type { Clock } from '../core/ports/clock';
import type { IdGenerator, IdKind } from '../core/ports/id-generator';

const ENGINE_KINDS: ReadonlySet<IdKind> = new Set<IdKind>(['customer', 'conversation', 'message', 'outbox']);

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const TIME_CHARS = 10;
const RANDOM_CHARS = 16;
const RANDOM_BITS = 80n;
const MAX_RANDOM = (1n << RANDOM_BITS) - 1n;

function base32(value: bigint, chars: number): string {
  let out = '';
  for (let i = 0; i < chars; i += 1) {
    out = ALPHABET[Number(value & 31n)] + out;
    value >>= 5n;
  }
  return out;
}

export class TimeSortableIds implements IdGenerator {
  private lastTime = -1;
  private lastRandom = 0n;

  constructor(
    private readonly clock: Clock = { now: () => Date.now() },
    private readonly random: (size: number) => Buffer = randomBytes,
  ) {}

  /** Engine kinds are not encoded (ULIDs are unique across kinds as they are); record kinds get their prefix. */
  next(kind: IdKind = 'message'): string {
    const ulid = this.ulid();
    return ENGINE_KINDS.has(kind) ? ulid : `${kind}_${ulid}`;
  }

  private ulid(): string {
    let time = Math.max(this.clock.now(), this.lastTime);
    let rand: bigint;
    if (time === this.lastTime) {
      rand = this.lastRandom + 1n;
      if (rand > MAX_RANDOM) {
        // 2^80 ids in one millisecond will not happen; borrowing the next millisecond keeps order anyway.
        time += 1;
        rand = this.draw();
      }
    } else {
      rand = this.draw();
    }
    this.lastTime = time;
    this.lastRandom = rand;
    return base32(BigInt(time), TIME_CHARS) + base32(rand, RANDOM_CHARS);
  }

  private draw(): bigint {
    // Drawn with the top bit clear, so the increments that follow in the same millisecond have room.
    return BigInt(`0x${this.random(10).toString('hex')}`) >> 1n;
  }
}
