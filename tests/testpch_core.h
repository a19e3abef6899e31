// Precompiled for every test program (tests/CMakeLists.txt): the Qt and
// standard headers most tests include, parsed once per build, not 80 times.
// Only headers that never change with the project's code belong here.
#pragma once
#include <QtCore>
#include <QtNetwork>
#include <QtTest>
#include <algorithm>
#include <functional>
#include <memory>
#include <vector>
