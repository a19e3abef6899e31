// Precompiled for the tst_ui_* programs: the core set and Qt Widgets.
#pragma once
#include "testpch_core.h"
#include <QtGui>
#include <QtWidgets>
