from collections import deque
graph = {"A": ["B", "C"], "B": ["D"], "C": ["D", "E"], "D": ["F"], "E": ["F"], "F": []}
def bfs(start):
    seen, order, q = {start}, [], deque([start])
    while q:
        n = q.popleft(); order.append(n)
        for m in graph[n]:
            if m not in seen:
                seen.add(m); q.append(m)
    return order
def dfs(n, seen=None):
    seen = seen if seen is not None else []
    seen.append(n)
    for m in graph[n]:
        if m not in seen: dfs(m, seen)
    return seen
def topo():
    indeg = {n: 0 for n in graph}
    for ns in graph.values():
        for m in ns: indeg[m] += 1
    q = [n for n, d in indeg.items() if d == 0]
    out = []
    while q:
        n = q.pop(0); out.append(n)
        for m in graph[n]:
            indeg[m] -= 1
            if indeg[m] == 0: q.append(m)
    return out
print(bfs("A"), dfs("A"), topo())
import heapq
w = {"A": {"B": 4, "C": 1}, "B": {"D": 1}, "C": {"B": 2, "D": 5}, "D": {}}
dist = {"A": 0}; pq = [(0, "A")]
while pq:
    d, n = heapq.heappop(pq)
    if d > dist.get(n, 1e9): continue
    for m, c in w[n].items():
        if d + c < dist.get(m, 1e9):
            dist[m] = d + c; heapq.heappush(pq, (d + c, m))
print(sorted(dist.items()))
