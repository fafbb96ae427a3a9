/**
 * V8 flags the API process is started with wherever it runs: `npm start` (the launcher), the image
 * (`npm run serve:api`, which writes the same flags: a spec holds the two together) and the bench.
 *
 * A league-table hit allocates a few tens of KB that die at once (the request, its headers, the
 * compressed answer's chunks on the socket). With V8's default young generation (16 MiB semi-spaces)
 * at 1,000 requests/s, a scavenge comes every few hundred ms and each stops every request for
 * several ms while it copies what is alive at that instant; those pauses are the p99. A larger young
 * generation makes scavenges rarer for the same cost each (a scavenge's cost is what survives, not
 * the space's size), at the price of up to twice its size in resident memory (the bench holds the API to its budget:
 * with 64 MiB the API reached 512 MiB answering from the database flat out, with 32 MiB 434 MiB, p99 alike).
 */
export const API_SEMI_SPACE_MIB = 32;

export const API_NODE_FLAGS: readonly string[] = [`--max-semi-space-size=${API_SEMI_SPACE_MIB}`];
