#!/bin/sh

celery -A remo beat -l INFO
