#!/bin/bash

# Run the tests
npm run test