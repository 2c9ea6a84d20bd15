#!/bin/bash

git push -f staging HEAD:main
