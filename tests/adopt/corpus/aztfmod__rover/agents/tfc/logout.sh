#!/bin/bash

echo "Closing Azure cli sessions."
az account clear