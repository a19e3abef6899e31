#pragma once

#include "payloadcodec.h"
#include "rules.h"

#include <QList>
#include <QWidget>

class QComboBox;
class QHBoxLayout;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace SockPlay {

class ErrorLabel;

/// What the user types and how it becomes bytes: a line edit, a mode (Text,
/// Hex, Base64 or File), a line ending (Text only), Send, and a repeat row
/// (N times every T ms, Stop, progress). Shared by the server and the client
/// pane; Enter in the line edit sends, Up/Down walk the history of what was sent.
///
/// The text is checked as it is typed: a mistake marks the field and is said
/// right under it, counted from 1. Text mode takes escapes and the send-time
/// macros ({{counter}} {{time}} {{random:N}} {{hex:…}} {{file:PATH}}); Hex
/// and Base64 are exact bytes, so no line ending is added behind the user's
/// back; File sends a file's bytes, streamed.
class PayloadEditor : public QWidget
{
    Q_OBJECT
public:
    enum class Mode : quint8 { Text, Hex, Base64, File };

    /// What to send, parsed: a template (expanded at each send), or a file.
    struct Outgoing
    {
        bool ok = false;
        QString error;          ///< "invalid hex at character 5: ..." (counted from 1)
        int errorPosition = -1; ///< 0-based, for the caret
        bool isFile = false;
        QString filePath;
        ReplyTemplate payload;
    };

    /// An entry of the history (and what the library loads).
    struct Entry
    {
        Mode mode = Mode::Text;
        QString text;
        LineEnding lineEnding = LineEnding::Lf;
        bool operator==(const Entry &) const = default;
    };

    /// objectNamePrefix ("server", "client") names the children:
    /// <prefix>PayloadEdit, <prefix>PayloadModeCombo, <prefix>LineEndingCombo,
    /// <prefix>SendButton, <prefix>PayloadErrorLabel, <prefix>PayloadBrowseButton,
    /// <prefix>RepeatCountSpin, <prefix>RepeatIntervalSpin, <prefix>StopButton,
    /// <prefix>SendProgressBar. sendText is the Send button's text (with mnemonic).
    /// Accessible names start with the prefix as a word ("server" → "Server
    /// payload mode", "client2" → "Client 2 line ending"). Presenter mode
    /// hides the mode and line-ending boxes and the repeat count and interval.
    PayloadEditor(const QString &objectNamePrefix, const QString &sendText,
                  QWidget *parent = nullptr);

    Mode mode() const;
    LineEnding lineEnding() const;
    Outgoing outgoing() const;
    /// The bytes one send would carry now (macros expanded with the next counter, not taken).
    ParseResult payload() const;
    /// {{counter}} for the next single send: 1, 2, 3, ...
    quint64 takeCounter() { return ++m_counter; }

    /// 1: a single send; 0: until stopped; N: N sends.
    int repeatCount() const;
    int repeatIntervalMs() const;

    Entry entry() const;
    /// Puts an entry in the fields (from the history or the library).
    void setEntry(const Entry &entry);
    /// After a send: remembered for Up/Down; the text stays, selected, so
    /// that Enter sends it again and typing replaces it.
    void markSent();
    const QList<Entry> &history() const { return m_history; }
    static constexpr int MaxHistory = 100;

    QLineEdit *lineEdit() const { return m_edit; }
    QPushButton *sendButton() const { return m_sendButton; }
    QPushButton *stopButton() const { return m_stopButton; }
    ErrorLabel *errorLabel() const { return m_errorLabel; }
    /// Puts an extra button (e.g. "Send to all") after the Send button.
    void addButton(QPushButton *button);
    /// Tab goes from first to the editor's fields in the order they are shown.
    void chainFocusAfter(QWidget *first);
    /// The line edit's clear button. Its icon loads Qt's icon engine and scans
    /// the icon theme (12 ms here): the window calls this after its first paint.
    void enableClearButton();

    void setSendEnabled(bool enabled);
    /// Focuses the line edit with the cursor at a parse error's position.
    void showErrorAt(int position);
    /// A repeat or a file is under way (Stop answers), with its progress;
    /// total 0: no end (a repeat until stopped).
    void showProgress(bool running, qint64 done, qint64 total, const QString &text);

signals:
    /// Enter in the line edit or a click on Send.
    void sendRequested();
    /// Stop: end the repeat or the file send under way.
    void stopRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateForMode();
    void validate();
    void browse();
    void walkHistory(int by);

    QLineEdit *m_edit = nullptr;
    QComboBox *m_modeCombo = nullptr;
    QComboBox *m_lineEndingCombo = nullptr;
    QPushButton *m_browseButton = nullptr;
    QPushButton *m_sendButton = nullptr;
    QSpinBox *m_repeatSpin = nullptr;
    QSpinBox *m_intervalSpin = nullptr;
    QPushButton *m_stopButton = nullptr;
    QProgressBar *m_progressBar = nullptr;
    ErrorLabel *m_errorLabel = nullptr;
    QHBoxLayout *m_buttonRow = nullptr;
    QList<QPushButton *> m_extraButtons;
    QString m_objectNamePrefix;
    QString m_side;
    quint64 m_counter = 0;
    QList<Entry> m_history;
    int m_historyIndex = -1; // -1: not walking; else an index into m_history
    Entry m_draft;           // what was typed before walking the history
    bool m_sendEnabled = true;
    bool m_running = false;
};

} // namespace SockPlay
