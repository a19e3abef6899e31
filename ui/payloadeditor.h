#pragma once

#include "payloadcodec.h"

#include <QWidget>

class QComboBox;
class QHBoxLayout;
class QLineEdit;
class QPushButton;

namespace SockPlay {

/// What the user types and how it becomes bytes: a line edit, a mode (Text or
/// Hex), a line ending (Text only) and a Send button. Shared by the server and
/// the client pane; Enter in the line edit sends.
///
/// In Hex mode the line ending is disabled: the user types the exact bytes,
/// so nothing is added behind their back.
class PayloadEditor : public QWidget
{
    Q_OBJECT
public:
    /// objectNamePrefix ("server", "client") names the children:
    /// <prefix>PayloadEdit, <prefix>PayloadModeCombo, <prefix>LineEndingCombo,
    /// <prefix>SendButton. sendText is the Send button's text (with mnemonic).
    PayloadEditor(const QString &objectNamePrefix, const QString &sendText,
                  QWidget *parent = nullptr);

    /// The typed text parsed in the chosen mode, plus the line ending in Text mode.
    ParseResult payload() const;

    PayloadMode mode() const;
    LineEnding lineEnding() const;

    QLineEdit *lineEdit() const { return m_edit; }
    QPushButton *sendButton() const { return m_sendButton; }
    /// Puts an extra button (e.g. "Send to all") after the Send button.
    void addButton(QPushButton *button);
    /// The line edit's clear button. Its icon loads Qt's icon engine and scans
    /// the icon theme (12 ms here): the window calls this after its first paint.
    void enableClearButton();

    void setSendEnabled(bool enabled);
    /// Focuses the line edit with the cursor at a parse error's position.
    void showErrorAt(int position);
    /// After a successful send: keep the text (to send it again) but select it,
    /// so typing replaces it.
    void markSent();

signals:
    /// Enter in the line edit or a click on Send.
    void sendRequested();

private:
    void updateForMode();

    QLineEdit *m_edit = nullptr;
    QComboBox *m_modeCombo = nullptr;
    QComboBox *m_lineEndingCombo = nullptr;
    QPushButton *m_sendButton = nullptr;
    QHBoxLayout *m_buttonRow = nullptr;
    QString m_objectNamePrefix;
    QString m_side;
};

} // namespace SockPlay
