value = 'pkg value'
from . import sub
