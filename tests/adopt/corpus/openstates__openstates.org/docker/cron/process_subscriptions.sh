#!/bin/sh

poetry run ./manage.py process_subscriptions
