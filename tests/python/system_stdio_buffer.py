# Reading stdin through sys.stdin.buffer and writing bytes through sys.stdout.buffer, interleaved with text
import sys
data = sys.stdin.buffer.read().split()
print(data, sum(map(int, data[1:])))
sys.stdout.write("t1 ")
sys.stdout.buffer.write(b"b1 ")
print("t2")
sys.stdout.buffer.write(str(len(data)).encode() + b"\n")
