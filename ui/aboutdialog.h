#pragma once

#include <QDialog>

namespace SockPlay {

/// Help → About SockPlay: the version (the one from CMake's project()), the Qt
/// the program runs on and was built with, and the licence. Its text is
/// selectable, so a bug report can quote it.
class AboutDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AboutDialog)

public:
    explicit AboutDialog(QWidget *parent = nullptr);
};

} // namespace SockPlay
