#!/usr/bin/env python3
"""An SMTP server that only counts: accepts every message and records how many times each recipient got one.
Usage: smtp-sink.py PORT STATSFILE. Writes "total distinct duplicates" to STATSFILE every 0.2 s."""
import asyncio, collections, sys

counts = collections.Counter()


async def handle(reader, writer):
    writer.write(b"220 sink ESMTP\r\n")
    rcpts, in_data = [], False
    try:
        while True:
            line = await reader.readline()
            if not line:
                break
            if in_data:
                if line in (b".\r\n", b".\n"):
                    in_data = False
                    counts.update(rcpts)
                    rcpts = []
                    writer.write(b"250 OK queued\r\n")
                continue
            cmd = line[:4].upper()
            if cmd == b"EHLO":
                writer.write(b"250-sink\r\n250-PIPELINING\r\n250 8BITMIME\r\n")
            elif cmd == b"RCPT":
                rcpts.append(line.split(b":", 1)[1].strip().strip(b"<>").split(b">")[0].lower())
                writer.write(b"250 OK\r\n")
            elif cmd == b"DATA":
                in_data = True
                writer.write(b"354 go ahead\r\n")
            elif cmd == b"RSET":
                rcpts = []
                writer.write(b"250 OK\r\n")
            elif cmd == b"QUIT":
                writer.write(b"221 bye\r\n")
                break
            else:
                writer.write(b"250 OK\r\n")
            await writer.drain()
    except ConnectionError:
        pass
    writer.close()


async def report(path):
    while True:
        total = sum(counts.values())
        duplicates = sum(c - 1 for c in counts.values() if c > 1)
        with open(path + ".tmp", "w") as f:
            f.write(f"{total} {len(counts)} {duplicates}\n")
        import os
        os.replace(path + ".tmp", path)
        await asyncio.sleep(0.2)


async def main():
    port, path = int(sys.argv[1]), sys.argv[2]
    server = await asyncio.start_server(handle, "127.0.0.1", port)
    asyncio.create_task(report(path))
    async with server:
        await server.serve_forever()

asyncio.run(main())
