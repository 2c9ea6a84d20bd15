from .dict2List import dict2List
from .toUTC import toUTC
from .logger import logger

__all__ = ['dict2List', 'toUTC', 'logger']
