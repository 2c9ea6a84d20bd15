__author__ = 'chris'
import sys
sys.path.append('hooks')
