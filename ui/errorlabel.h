#pragma once

#include <QLabel>

namespace SockPlay {

/// The per-pane error line: red, word-wrapped, shown just under the controls
/// that caused the error and hidden (taking no space) when there is none.
class ErrorLabel : public QLabel
{
    Q_OBJECT
public:
    explicit ErrorLabel(QWidget *parent = nullptr);

    void showError(const QString &message);
    void clearError();
};

} // namespace SockPlay
