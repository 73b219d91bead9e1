class Field:
    def __set_name__(self, owner, name):
        self.owner, self.name = owner.__name__, name
class Model:
    fields = []
    def __init_subclass__(cls, table=None, **kw):
        super().__init_subclass__(**kw)
        cls.table = table or cls.__name__.lower()
        cls.fields = [k for k, v in vars(cls).items() if isinstance(v, Field)]
class User(Model, table="users"):
    name = Field()
    email = Field()
class Post(Model):
    title = Field()
print(User.table, User.fields, Post.table, Post.fields, User.name.owner, User.email.name)
