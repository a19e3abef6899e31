// The window's floor: the widgets SockPlay's window shows when it opens, and
// nothing else.
//
// describeVisible() writes down every visible widget of a shown window: its Qt
// class (the nearest one: a SockPlay subclass counts as the Qt class it
// derives from), where it is, and what it says. buildSkeleton() makes those
// widgets again, plain, at those places: no layouts, no signals, no models
// beyond table headers, no session, no network thread. Showing the skeleton
// costs what showing that content costs in Qt, so the time it takes is the
// least any window showing the same widgets could take.
#pragma once

#include <QJsonObject>

class QWidget;

namespace SockPlay::Bench {

/// The visible widgets under (and including) the top-level \a window, as a tree.
QJsonObject describeVisible(QWidget *window);

/// A top-level widget with the same widgets as \a tree, at the same places (not shown).
QWidget *buildSkeleton(const QJsonObject &tree);

} // namespace SockPlay::Bench
