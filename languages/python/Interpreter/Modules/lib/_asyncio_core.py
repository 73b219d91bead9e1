"""The core of PySharp's asyncio: futures, tasks, the event loop, run, sleep, gather,
shield and wait_for. The asyncio module re-exports it and adds Event, Lock, Queue and
TaskGroup."""
import heapq
import sys
import time
import types
from collections import deque

__all__ = [
    "CancelledError", "InvalidStateError", "TimeoutError", "QueueEmpty", "QueueFull",
    "Future", "Task", "TimerHandle", "AbstractEventLoop",
    "run", "sleep", "gather", "create_task", "ensure_future", "wait_for", "shield",
    "get_event_loop", "get_running_loop", "new_event_loop", "set_event_loop",
    "iscoroutine", "iscoroutinefunction", "current_task", "all_tasks",
]


class CancelledError(BaseException):
    """The operation was cancelled."""


class InvalidStateError(Exception):
    """The future is in the wrong state for the operation."""


class QueueEmpty(Exception):
    pass


class QueueFull(Exception):
    pass


TimeoutError = TimeoutError

_PENDING = "PENDING"
_CANCELLED = "CANCELLED"
_FINISHED = "FINISHED"

_running_loop = None
_event_loop = None
_current_tasks = {}


def iscoroutine(obj):
    return isinstance(obj, (types.CoroutineType, types._GeneratorWrapper))


def iscoroutinefunction(func):
    code = getattr(func, "__code__", None)
    return code is not None and bool(code.co_flags & 0x80)


class Future:
    _asyncio_future_blocking = False

    def __init__(self, *, loop=None):
        self._loop = loop if loop is not None else get_event_loop()
        self._state = _PENDING
        self._result = None
        self._exception = None
        self._callbacks = []

    def __repr__(self):
        return f"<{type(self).__name__} {self._state.lower()}>"

    def get_loop(self):
        return self._loop

    def done(self):
        return self._state != _PENDING

    def cancelled(self):
        return self._state == _CANCELLED

    def result(self):
        if self._state == _CANCELLED:
            raise CancelledError()
        if self._state == _PENDING:
            raise InvalidStateError("Result is not set.")
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self):
        if self._state == _CANCELLED:
            raise CancelledError()
        if self._state == _PENDING:
            raise InvalidStateError("Exception is not set.")
        return self._exception

    def set_result(self, result):
        if self._state != _PENDING:
            raise InvalidStateError(f"{self._state}: {self!r}")
        self._result = result
        self._state = _FINISHED
        self._schedule_callbacks()

    def set_exception(self, exception):
        if self._state != _PENDING:
            raise InvalidStateError(f"{self._state}: {self!r}")
        if isinstance(exception, type):
            exception = exception()
        if type(exception) is StopIteration:
            raise TypeError("StopIteration interacts badly with generators and cannot be raised into a Future")
        self._exception = exception
        self._state = _FINISHED
        self._schedule_callbacks()

    def cancel(self, msg=None):
        if self._state != _PENDING:
            return False
        self._state = _CANCELLED
        self._schedule_callbacks()
        return True

    def add_done_callback(self, fn):
        if self._state != _PENDING:
            self._loop.call_soon(fn, self)
        else:
            self._callbacks.append(fn)

    def remove_done_callback(self, fn):
        n = len(self._callbacks)
        self._callbacks = [f for f in self._callbacks if f != fn]
        return n - len(self._callbacks)

    def _schedule_callbacks(self):
        callbacks = self._callbacks[:]
        self._callbacks.clear()
        for cb in callbacks:
            self._loop.call_soon(cb, self)

    def __await__(self):
        if not self.done():
            self._asyncio_future_blocking = True
            yield self
        if not self.done():
            raise RuntimeError("await wasn't used with future")
        return self.result()

    __iter__ = __await__


class Task(Future):
    _counter = 0

    def __init__(self, coro, *, loop=None, name=None):
        super().__init__(loop=loop)
        if not iscoroutine(coro):
            raise TypeError(f"a coroutine was expected, got {coro!r}")
        Task._counter += 1
        self._name = name if name is not None else f"Task-{Task._counter}"
        self._coro = coro
        self._must_cancel = False
        self._fut_waiter = None
        self._loop._tasks.add(self)
        self._loop.call_soon(self._step)

    def __repr__(self):
        return f"<Task {self._state.lower()} name={self._name!r}>"

    def get_coro(self):
        return self._coro

    def get_name(self):
        return self._name

    def set_name(self, value):
        self._name = str(value)

    def cancel(self, msg=None):
        if self.done():
            return False
        if self._fut_waiter is not None and self._fut_waiter.cancel():
            return True
        self._must_cancel = True
        return True

    def _step(self, exc=None):
        if self.done():
            return
        if self._must_cancel:
            if not isinstance(exc, CancelledError):
                exc = CancelledError()
            self._must_cancel = False
        self._fut_waiter = None
        _current_tasks[self._loop] = self
        try:
            if exc is None:
                result = self._coro.send(None)
            else:
                result = self._coro.throw(exc)
        except StopIteration as e:
            if self._must_cancel:
                self._must_cancel = False
                super().cancel()
            else:
                super().set_result(e.value)
        except CancelledError:
            super().cancel()
        except (KeyboardInterrupt, SystemExit) as e:
            super().set_exception(e)
            raise
        except BaseException as e:
            # CPython steps tasks in C: no frame of this method shows in the traceback.
            if e.__traceback__ is not None and e.__traceback__.tb_frame.f_code is Task._step.__code__:
                e.__traceback__ = e.__traceback__.tb_next
            super().set_exception(e)
        else:
            blocking = getattr(result, "_asyncio_future_blocking", None)
            if blocking is not None:
                if blocking:
                    result._asyncio_future_blocking = False
                    result.add_done_callback(self._wakeup)
                    self._fut_waiter = result
                    if self._must_cancel and self._fut_waiter.cancel():
                        self._must_cancel = False
                else:
                    self._loop.call_soon(self._step, RuntimeError(f"yield was used instead of yield from in task {self!r} with {result!r}"))
            elif result is None:
                self._loop.call_soon(self._step)
            else:
                self._loop.call_soon(self._step, RuntimeError(f"Task got bad yield: {result!r}"))
        finally:
            _current_tasks.pop(self._loop, None)
            if self.done():
                self._loop._tasks.discard(self)

    def _wakeup(self, fut):
        try:
            fut.result()
        except BaseException as exc:
            self._step(exc)
        else:
            self._step()


class _Handle:
    def __init__(self, callback, args):
        self._callback = callback
        self._args = args
        self._cancelled = False

    def cancel(self):
        self._cancelled = True

    def cancelled(self):
        return self._cancelled

    def _run(self):
        self._callback(*self._args)


class TimerHandle(_Handle):
    def __init__(self, when, callback, args):
        super().__init__(callback, args)
        self._when = when

    def when(self):
        return self._when


class AbstractEventLoop:
    def __init__(self):
        self._ready = deque()
        self._scheduled = []
        self._seq = 0
        self._stopping = False
        self._running = False
        self._closed = False
        self._tasks = set()
        self._asyncgens = set()
        self._asyncgens_shutdown_called = False

    def time(self):
        return time.monotonic()

    def call_soon(self, callback, *args):
        h = _Handle(callback, args)
        self._ready.append(h)
        return h

    def call_later(self, delay, callback, *args):
        return self.call_at(self.time() + delay, callback, *args)

    def call_at(self, when, callback, *args):
        h = TimerHandle(when, callback, args)
        self._seq += 1
        heapq.heappush(self._scheduled, (when, self._seq, h))
        return h

    def create_future(self):
        return Future(loop=self)

    def create_task(self, coro, *, name=None):
        return Task(coro, loop=self, name=name)

    def is_running(self):
        return self._running

    def is_closed(self):
        return self._closed

    def stop(self):
        self._stopping = True

    def close(self):
        self._closed = True
        self._ready.clear()
        self._scheduled.clear()

    def _run_once(self):
        if not self._ready and self._scheduled:
            delay = self._scheduled[0][0] - self.time()
            if delay > 0:
                time.sleep(delay)
        now = self.time()
        while self._scheduled and self._scheduled[0][0] <= now:
            h = heapq.heappop(self._scheduled)[2]
            if not h._cancelled:
                self._ready.append(h)
        for _ in range(len(self._ready)):
            h = self._ready.popleft()
            if not h._cancelled:
                h._run()

    def _asyncgen_firstiter_hook(self, agen):
        if self._asyncgens_shutdown_called:
            return
        if len(self._asyncgens) > 1000:
            self._asyncgens = {g for g in self._asyncgens if g.ag_frame is not None}
        self._asyncgens.add(agen)

    def _asyncgen_finalizer_hook(self, agen):
        self._asyncgens.discard(agen)
        if not self.is_closed():
            self.create_task(agen.aclose())

    async def shutdown_asyncgens(self):
        """Closes the async generators that were iterated and not finished."""
        self._asyncgens_shutdown_called = True
        closing = [g for g in self._asyncgens if g.ag_frame is not None]
        self._asyncgens.clear()
        if closing:
            await gather(*[ag.aclose() for ag in closing], return_exceptions=True)

    def run_forever(self):
        global _running_loop
        if self._running:
            raise RuntimeError("This event loop is already running")
        saved = _running_loop
        old_hooks = sys.get_asyncgen_hooks()
        sys.set_asyncgen_hooks(firstiter=self._asyncgen_firstiter_hook, finalizer=self._asyncgen_finalizer_hook)
        _running_loop = self
        self._running = True
        try:
            while not self._stopping:
                if not self._ready and not self._scheduled:
                    break
                self._run_once()
        finally:
            self._stopping = False
            self._running = False
            _running_loop = saved
            sys.set_asyncgen_hooks(*old_hooks)

    def run_until_complete(self, future):
        future = ensure_future(future, loop=self)
        future.add_done_callback(lambda f: self.stop())
        self.run_forever()
        if not future.done():
            raise RuntimeError("Event loop stopped before Future completed.")
        return future.result()


def get_running_loop():
    if _running_loop is None:
        raise RuntimeError("no running event loop")
    return _running_loop


def get_event_loop():
    global _event_loop
    if _running_loop is not None:
        return _running_loop
    if _event_loop is None:
        _event_loop = AbstractEventLoop()
    return _event_loop


def new_event_loop():
    return AbstractEventLoop()


def set_event_loop(loop):
    global _event_loop
    _event_loop = loop


def current_task(loop=None):
    return _current_tasks.get(loop if loop is not None else get_running_loop())


def all_tasks(loop=None):
    loop = loop if loop is not None else get_running_loop()
    return {t for t in loop._tasks if not t.done()}


def ensure_future(obj, *, loop=None):
    if isinstance(obj, Future):
        return obj
    if loop is None:
        loop = get_event_loop()
    if iscoroutine(obj):
        return loop.create_task(obj)
    if hasattr(obj, "__await__"):
        return loop.create_task(_wrap_awaitable(obj))
    raise TypeError("An asyncio.Future, a coroutine or an awaitable is required")


async def _wrap_awaitable(aw):
    return await aw


def create_task(coro, *, name=None):
    return get_running_loop().create_task(coro, name=name)


def run(main, *, debug=None):
    if _running_loop is not None:
        raise RuntimeError("asyncio.run() cannot be called from a running event loop")
    if not iscoroutine(main):
        raise ValueError(f"a coroutine was expected, got {main!r}")
    loop = new_event_loop()
    set_event_loop(loop)
    try:
        return loop.run_until_complete(main)
    finally:
        try:
            pending = [t for t in loop._tasks if not t.done()]
            for t in pending:
                t.cancel()
            if pending:
                loop.run_until_complete(gather(*pending, return_exceptions=True))
            loop.run_until_complete(loop.shutdown_asyncgens())
        finally:
            set_event_loop(None)
            loop.close()


@types.coroutine
def _sleep0():
    yield


def _set_result_unless_cancelled(fut, result):
    if not fut.cancelled():
        fut.set_result(result)


async def sleep(delay, result=None):
    if delay <= 0:
        await _sleep0()
        return result
    loop = get_running_loop()
    future = loop.create_future()
    h = loop.call_later(delay, _set_result_unless_cancelled, future, result)
    try:
        return await future
    finally:
        h.cancel()


class _GatheringFuture(Future):
    def __init__(self, children, *, loop):
        super().__init__(loop=loop)
        self._children = children

    def cancel(self, msg=None):
        if self.done():
            return False
        ret = False
        for child in self._children:
            if child.cancel():
                ret = True
        return ret


def gather(*coros_or_futures, return_exceptions=False):
    if not coros_or_futures:
        outer = get_event_loop().create_future()
        outer.set_result([])
        return outer
    loop = None
    children = []
    arg_to_fut = {}
    for arg in coros_or_futures:
        if arg not in arg_to_fut:
            fut = ensure_future(arg, loop=loop)
            if loop is None:
                loop = fut.get_loop()
            arg_to_fut[arg] = fut
        children.append(arg_to_fut[arg])
    outer = _GatheringFuture(children, loop=loop)
    state = [0]
    nfuts = len(arg_to_fut)

    def on_done(fut):
        state[0] += 1
        if outer.done():
            return
        if not return_exceptions:
            if fut.cancelled():
                outer.set_exception(CancelledError())
                return
            exc = fut.exception()
            if exc is not None:
                outer.set_exception(exc)
                return
        if state[0] == nfuts:
            results = []
            for f in children:
                if f.cancelled():
                    results.append(CancelledError())
                elif f.exception() is not None:
                    results.append(f.exception())
                else:
                    results.append(f.result())
            outer.set_result(results)

    for fut in arg_to_fut.values():
        fut.add_done_callback(on_done)
    return outer


def shield(arg):
    inner = ensure_future(arg)
    if inner.done():
        return inner
    outer = inner.get_loop().create_future()

    def done(f):
        if outer.cancelled():
            return
        if f.cancelled():
            outer.cancel()
        elif f.exception() is not None:
            outer.set_exception(f.exception())
        else:
            outer.set_result(f.result())

    inner.add_done_callback(done)
    return outer


def _release_waiter(waiter, *args):
    if not waiter.done():
        waiter.set_result(None)


async def wait_for(fut, timeout):
    loop = get_running_loop()
    if timeout is None:
        return await fut
    fut = ensure_future(fut, loop=loop)
    if timeout <= 0 and fut.done():
        return fut.result()
    waiter = loop.create_future()
    handle = loop.call_later(timeout, _release_waiter, waiter)
    cb = lambda f: _release_waiter(waiter)
    fut.add_done_callback(cb)
    try:
        try:
            await waiter
        except CancelledError:
            fut.remove_done_callback(cb)
            fut.cancel()
            raise
        if fut.done():
            return fut.result()
        fut.remove_done_callback(cb)
        fut.cancel()
        done = loop.create_future()
        fut.add_done_callback(lambda f: _release_waiter(done))
        await done
        raise TimeoutError()
    finally:
        handle.cancel()
