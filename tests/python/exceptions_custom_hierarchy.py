class AppError(Exception):
    def __init__(self, msg, code=500):
        super().__init__(msg)
        self.code = code
class NotFound(AppError):
    def __init__(self, what):
        super().__init__(f"{what} not found", 404)
class Invalid(AppError):
    pass
def handle(exc):
    try:
        raise exc
    except NotFound as e:
        return ("notfound", e.code, str(e))
    except AppError as e:
        return ("app", e.code, e.args)
    except Exception as e:
        return ("other", type(e).__name__)
for e in [NotFound("page"), Invalid("bad input", 400), KeyError("k"), AppError("generic")]:
    print(handle(e))
print(issubclass(NotFound, AppError), NotFound.__mro__[1].__name__, isinstance(Invalid("x"), Exception))
