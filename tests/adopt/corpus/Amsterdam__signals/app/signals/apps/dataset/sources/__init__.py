# SPDX-License-Identifier: MPL-2.0
# Copyright (C) 2018 - 2021 Gemeente Amsterdam
from signals.apps.dataset.sources.cbs import CBSBoundariesLoader
from signals.apps.dataset.sources.gebieden import APIGebiedenLoader
from signals.apps.dataset.sources.shape import ShapeBoundariesLoader
from signals.apps.dataset.sources.sia_stadsdeel import SIAStadsdeelLoader

__all__ = [
    'APIGebiedenLoader',
    'SIAStadsdeelLoader',
    'CBSBoundariesLoader',
    'ShapeBoundariesLoader',
]
