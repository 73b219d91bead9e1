"""statistics for PySharp (the common functions)."""
import math


class StatisticsError(ValueError):
    pass


def mean(data):
    data = list(data)
    if not data:
        raise StatisticsError('mean requires at least one data point')
    total = sum(data)
    n = len(data)
    if all(isinstance(x, int) for x in data):
        q, r = divmod(total, n)
        return q if r == 0 else total / n
    return total / n


def fmean(data):
    data = list(data)
    return math.fsum(data) / len(data)


def median(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    return (data[i - 1] + data[i]) / 2


def median_low(data):
    data = sorted(data)
    n = len(data)
    return data[n // 2] if n % 2 else data[n // 2 - 1]


def median_high(data):
    data = sorted(data)
    return data[len(data) // 2]


def mode(data):
    data = list(data)
    if not data:
        raise StatisticsError('no mode for empty data')
    counts = {}
    for x in data:
        counts[x] = counts.get(x, 0) + 1
    best = max(counts.values())
    for x in data:
        if counts[x] == best:
            return x


def variance(data, xbar=None):
    data = list(data)
    n = len(data)
    if n < 2:
        raise StatisticsError('variance requires at least two data points')
    m = mean(data) if xbar is None else xbar
    return sum((x - m) ** 2 for x in data) / (n - 1)


def pvariance(data, mu=None):
    data = list(data)
    m = mean(data) if mu is None else mu
    return sum((x - m) ** 2 for x in data) / len(data)


def stdev(data, xbar=None):
    return math.sqrt(variance(data, xbar))


def pstdev(data, mu=None):
    return math.sqrt(pvariance(data, mu))
