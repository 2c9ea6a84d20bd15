#!/bin/bash

rm -rf releases steam tmp web
