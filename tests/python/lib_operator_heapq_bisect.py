import operator, heapq, bisect
print(operator.add(2, 3), operator.mul(4, 5), operator.itemgetter(1)([9, 8]), operator.itemgetter(0, 2)("abc"))
print(sorted([("a", 3), ("b", 1)], key=operator.itemgetter(1)), operator.attrgetter("real")(3 + 4j))
print(operator.methodcaller("upper")("hi"), operator.neg(5), operator.truediv(1, 4), operator.contains([1], 1))
h = []
for v in [5, 1, 8, 3, 2]:
    heapq.heappush(h, v)
print(h, [heapq.heappop(h) for _ in range(3)], h)
data = [9, 4, 7, 1]; heapq.heapify(data); print(data, heapq.nsmallest(2, [5, 3, 9]), heapq.nlargest(2, [5, 3, 9]))
s = [1, 3, 5, 7]
print(bisect.bisect_left(s, 5), bisect.bisect_right(s, 5), bisect.bisect(s, 4))
bisect.insort(s, 4); print(s)
