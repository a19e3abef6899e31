#include "payloadeditor.h"

#include "errorlabel.h"
#include "presentermode.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>

namespace SockPlay {

namespace {

// The mark on a field whose text does not parse: a border a projector shows.
const char *const invalidStyle = "QLineEdit { border: 2px solid #b3261e; border-radius: 3px; padding: 1px; }";

// What screen readers call the pane: "server" → "Server", "client2" → "Client 2".
QString sideName(const QString &prefix)
{
    qsizetype digits = prefix.size();
    while (digits > 0 && prefix.at(digits - 1).isDigit())
        --digits;
    QString name = prefix.left(digits);
    if (name == QLatin1String("server"))
        name = PayloadEditor::tr("Server");
    else if (name == QLatin1String("client"))
        name = PayloadEditor::tr("Client");
    else if (!name.isEmpty())
        name[0] = name.at(0).toUpper();
    if (digits < prefix.size())
        name += QLatin1Char(' ') + prefix.mid(digits);
    return name;
}

} // namespace

PayloadEditor::PayloadEditor(const QString &objectNamePrefix, const QString &sendText,
                             QWidget *parent)
    : QWidget(parent)
    , m_objectNamePrefix(objectNamePrefix)
    , m_side(sideName(objectNamePrefix))
{
    setObjectName(objectNamePrefix + QStringLiteral("PayloadEditor"));
    const auto named = [&](QWidget *widget, const char *name, const QString &accessible) {
        widget->setObjectName(objectNamePrefix + QLatin1String(name));
        widget->setAccessibleName(m_side + QLatin1Char(' ') + accessible);
    };

    auto *label = new QLabel(tr("Payload"), this);

    m_edit = new QLineEdit(this);
    named(m_edit, "PayloadEdit", tr("payload"));
    m_edit->setAccessibleDescription(tr("The bytes to send. Press Enter to send, Up and Down for the history."));
    // Monospace, at the size of the rest of the window: hex columns line up.
    QFont editFont;
    editFont.setFamilies(QFontDatabase::systemFont(QFontDatabase::FixedFont).families());
    editFont.setStyleHint(QFont::Monospace);
    m_edit->setFont(editFont);
    m_edit->installEventFilter(this);
    label->setBuddy(m_edit);

    m_errorLabel = new ErrorLabel(this);
    named(m_errorLabel, "PayloadErrorLabel", tr("payload error"));

    m_modeCombo = new QComboBox(this);
    named(m_modeCombo, "PayloadModeCombo", tr("payload mode"));
    m_modeCombo->addItem(tr("Text"), int(Mode::Text));
    m_modeCombo->addItem(tr("Hex"), int(Mode::Hex));
    m_modeCombo->addItem(tr("Base64"), int(Mode::Base64));
    m_modeCombo->addItem(tr("File"), int(Mode::File));
    m_modeCombo->setToolTip(tr("Text: characters with escapes (\\n \\t \\x41) and macros\n"
                               "      ({{counter}} {{time}} {{random:N}} {{hex:…}} {{file:PATH}})\n"
                               "Hex: exact bytes (48 65 6c 6c 6f)\n"
                               "Base64: exact bytes (SGVsbG8=)\n"
                               "File: the bytes of a file, streamed"));

    m_lineEndingCombo = new QComboBox(this);
    named(m_lineEndingCombo, "LineEndingCombo", tr("line ending"));
    m_lineEndingCombo->addItem(tr("No line ending"), int(LineEnding::None));
    m_lineEndingCombo->addItem(tr("LF (\\n)"), int(LineEnding::Lf));
    m_lineEndingCombo->addItem(tr("CRLF (\\r\\n)"), int(LineEnding::CrLf));
    m_lineEndingCombo->setCurrentIndex(1);

    m_browseButton = new QPushButton(tr("Choose file…"), this);
    named(m_browseButton, "PayloadBrowseButton", tr("choose a file to send"));
    m_browseButton->setAutoDefault(false);

    m_sendButton = new QPushButton(sendText, this);
    m_sendButton->setObjectName(objectNamePrefix + QStringLiteral("SendButton"));
    m_sendButton->setAccessibleName(m_side + QLatin1Char(' ') + QString(sendText).remove(QLatin1Char('&')).toLower());
    m_sendButton->setAutoDefault(false);

    m_repeatSpin = new QSpinBox(this);
    named(m_repeatSpin, "RepeatCountSpin", tr("repeat count"));
    m_repeatSpin->setRange(0, 100'000'000);
    m_repeatSpin->setValue(1);
    m_repeatSpin->setSuffix(tr(" ×"));
    m_repeatSpin->setSpecialValueText(tr("until stopped"));
    m_repeatSpin->setGroupSeparatorShown(true);
    m_repeatSpin->setToolTip(tr("How many times Send sends: 1 once, 0 until you press Stop.\n"
                                "{{counter}} counts the sends: 1, 2, 3, …"));
    m_intervalSpin = new QSpinBox(this);
    named(m_intervalSpin, "RepeatIntervalSpin", tr("repeat interval in milliseconds"));
    m_intervalSpin->setRange(1, 86'400'000);
    m_intervalSpin->setValue(1000);
    m_intervalSpin->setSuffix(tr(" ms"));
    m_intervalSpin->setGroupSeparatorShown(true);
    m_intervalSpin->setToolTip(tr("Time between two sends of a repeat, down to 1 ms; the schedule never drifts."));
    // Each pane's own key (Alt+P, Alt+O): one key for both would only move the focus.
    m_stopButton = new QPushButton(objectNamePrefix == QLatin1String("server") ? tr("Sto&p") : tr("St&op"), this);
    named(m_stopButton, "StopButton", tr("stop sending"));
    m_stopButton->setAutoDefault(false);
    m_stopButton->setEnabled(false);
    m_progressBar = new QProgressBar(this);
    named(m_progressBar, "SendProgressBar", tr("send progress"));
    m_progressBar->setRange(0, 1);
    m_progressBar->setValue(0);
    m_progressBar->setTextVisible(true);
    m_progressBar->setVisible(false); // until a repeat or a file send starts
    m_progressBar->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("000,000 of 000,000 sent")) + 16);

    auto *repeatLabel = new QLabel(tr("Repeat"), this);
    repeatLabel->setBuddy(m_repeatSpin);
    auto *everyLabel = new QLabel(tr("every"), this);
    everyLabel->setBuddy(m_intervalSpin);

    // Presenter mode shows what a class needs: the payload and Send (Stop
    // and the progress stay, for a repeat set up before).
    for (QWidget *advanced : std::initializer_list<QWidget *>{m_modeCombo, m_lineEndingCombo, repeatLabel,
                                                               m_repeatSpin, everyLabel, m_intervalSpin})
        PresenterMode::markAdvanced(advanced);

    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(label, 0, 0);
    grid->addWidget(m_edit, 0, 1);
    grid->addWidget(m_errorLabel, 1, 1);
    m_buttonRow = new QHBoxLayout;
    m_buttonRow->addWidget(m_modeCombo);
    m_buttonRow->addWidget(m_lineEndingCombo);
    m_buttonRow->addWidget(m_browseButton);
    m_buttonRow->addStretch(1);
    m_buttonRow->addWidget(m_sendButton);
    grid->addLayout(m_buttonRow, 2, 1);
    auto *repeatRow = new QHBoxLayout;
    repeatRow->addWidget(repeatLabel);
    repeatRow->addWidget(m_repeatSpin);
    repeatRow->addWidget(everyLabel);
    repeatRow->addWidget(m_intervalSpin);
    repeatRow->addWidget(m_progressBar, 1);
    repeatRow->addStretch(); // no progress shown: Stop keeps its size, at the right
    repeatRow->addWidget(m_stopButton);
    grid->addLayout(repeatRow, 3, 1);
    grid->setColumnStretch(1, 1);
    grid->setRowStretch(4, 1); // a taller tab page leaves the space below, not between the rows

    connect(m_edit, &QLineEdit::returnPressed, this, &PayloadEditor::sendRequested);
    connect(m_edit, &QLineEdit::textChanged, this, &PayloadEditor::validate);
    connect(m_sendButton, &QPushButton::clicked, this, &PayloadEditor::sendRequested);
    connect(m_stopButton, &QPushButton::clicked, this, &PayloadEditor::stopRequested);
    connect(m_browseButton, &QPushButton::clicked, this, &PayloadEditor::browse);
    connect(m_modeCombo, &QComboBox::currentIndexChanged, this, &PayloadEditor::updateForMode);
    updateForMode();
}

PayloadEditor::Mode PayloadEditor::mode() const
{
    return Mode(m_modeCombo->currentData().toInt());
}

LineEnding PayloadEditor::lineEnding() const
{
    return LineEnding(m_lineEndingCombo->currentData().toInt());
}

int PayloadEditor::repeatCount() const
{
    return mode() == Mode::File ? 1 : m_repeatSpin->value();
}

int PayloadEditor::repeatIntervalMs() const
{
    return m_intervalSpin->value();
}

PayloadEditor::Outgoing PayloadEditor::outgoing() const
{
    Outgoing out;
    const QString text = m_edit->text();
    switch (mode()) {
    case Mode::Text: {
        QString error;
        int position = -1;
        const std::optional<ReplyTemplate> parsed = ReplyTemplate::parse(text, &error, &position, tr("text"));
        if (!parsed) {
            out.error = error;
            out.errorPosition = position;
            return out;
        }
        if (parsed->highestCapture() > 0) {
            const int at = int(text.indexOf(QStringLiteral("\\%1").arg(parsed->highestCapture())));
            out.error = tr("invalid text at character %1: \\%2 stands for a regex group, which only a reply "
                           "rule has (\\\\%2 sends a backslash)").arg(at + 1).arg(parsed->highestCapture());
            out.errorPosition = at;
            return out;
        }
        out.payload = parsed->followedBy(lineEndingBytes(lineEnding()));
        break;
    }
    case Mode::Hex:
    case Mode::Base64: {
        const ParseResult parsed = PayloadCodec::parse(text, mode() == Mode::Hex ? PayloadMode::Hex : PayloadMode::Base64);
        if (!parsed.ok) {
            out.error = parsed.error;
            out.errorPosition = parsed.errorPosition;
            return out;
        }
        out.payload = ReplyTemplate::literal(parsed.bytes);
        break;
    }
    case Mode::File: {
        out.isFile = true;
        out.filePath = text.trimmed();
        const QFileInfo info(out.filePath);
        if (out.filePath.isEmpty()) {
            out.error = tr("Choose a file to send (or type its path).");
            return out;
        }
        if (!info.exists()) {
            out.error = tr("No such file: %1").arg(out.filePath);
            return out;
        }
        if (!info.isFile() || !info.isReadable()) {
            out.error = tr("Cannot read %1: not a readable file.").arg(out.filePath);
            return out;
        }
        break;
    }
    }
    out.ok = true;
    return out;
}

ParseResult PayloadEditor::payload() const
{
    const Outgoing out = outgoing();
    ParseResult result;
    result.ok = out.ok && !out.isFile;
    result.error = out.ok ? tr("A file is sent by streaming, not as one payload.") : out.error;
    result.errorPosition = out.errorPosition;
    if (result.ok) {
        QString error;
        const std::optional<QByteArray> bytes = out.payload.expand({}, m_counter + 1, &error);
        if (!bytes) {
            result.ok = false;
            result.error = error;
        } else {
            result.bytes = *bytes;
        }
    }
    return result;
}

PayloadEditor::Entry PayloadEditor::entry() const
{
    return Entry{mode(), m_edit->text(), lineEnding()};
}

void PayloadEditor::setEntry(const Entry &entry)
{
    m_modeCombo->setCurrentIndex(m_modeCombo->findData(int(entry.mode)));
    m_lineEndingCombo->setCurrentIndex(m_lineEndingCombo->findData(int(entry.lineEnding)));
    m_edit->setText(entry.text);
    validate();
}

void PayloadEditor::markSent()
{
    const Entry sent = entry();
    if (!sent.text.isEmpty() && (m_history.isEmpty() || m_history.constLast() != sent)) {
        m_history.append(sent);
        if (m_history.size() > MaxHistory)
            m_history.removeFirst();
    }
    m_historyIndex = -1;
    m_edit->selectAll();
}

void PayloadEditor::walkHistory(int by)
{
    if (m_history.isEmpty())
        return;
    if (m_historyIndex < 0) {
        if (by > 0)
            return; // already at the draft
        m_draft = entry();
        m_historyIndex = int(m_history.size());
    }
    const int next = m_historyIndex + by;
    if (next < 0)
        return;
    m_historyIndex = next;
    if (next >= m_history.size()) {
        m_historyIndex = -1;
        setEntry(m_draft);
    } else {
        setEntry(m_history.at(next));
    }
    m_edit->end(false);
}

bool PayloadEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Up || key->key() == Qt::Key_Down) {
            walkHistory(key->key() == Qt::Key_Up ? -1 : 1);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void PayloadEditor::enableClearButton()
{
    if (m_edit->isClearButtonEnabled())
        return;
    m_edit->setClearButtonEnabled(true);
    // The clear button is a widget of its own to screen readers: name it too.
    for (QToolButton *clear : m_edit->findChildren<QToolButton *>()) {
        clear->setObjectName(m_objectNamePrefix + QStringLiteral("PayloadClearButton"));
        clear->setAccessibleName(tr("Clear %1 payload").arg(m_side.toLower()));
    }
}

void PayloadEditor::addButton(QPushButton *button)
{
    button->setAutoDefault(false);
    m_buttonRow->addWidget(button);
    m_extraButtons.append(button);
}

void PayloadEditor::chainFocusAfter(QWidget *first)
{
    QList<QWidget *> order{first, m_edit, m_modeCombo, m_lineEndingCombo, m_browseButton, m_sendButton};
    for (QPushButton *button : std::as_const(m_extraButtons))
        order.append(button);
    order << m_repeatSpin << m_intervalSpin << m_stopButton;
    for (qsizetype i = 1; i < order.size(); ++i)
        QWidget::setTabOrder(order.at(i - 1), order.at(i));
}

void PayloadEditor::setSendEnabled(bool enabled)
{
    m_sendEnabled = enabled;
    m_sendButton->setEnabled(enabled && !m_running);
}

void PayloadEditor::showErrorAt(int position)
{
    m_edit->setFocus(Qt::OtherFocusReason);
    if (position >= 0)
        m_edit->setCursorPosition(position);
}

void PayloadEditor::showProgress(bool running, qint64 done, qint64 total, const QString &text)
{
    m_running = running;
    m_progressBar->setVisible(true);
    m_stopButton->setEnabled(running);
    m_sendButton->setEnabled(m_sendEnabled && !running);
    // QProgressBar counts in int: scale big totals (a file's bytes) down. A
    // repeat with no end has nothing to fill: an empty bar carries the count.
    const int shift = total > (1ll << 30) ? 20 : 0;
    m_progressBar->setRange(0, total > 0 ? int(total >> shift) : 1);
    m_progressBar->setValue(total > 0 ? int(qMin(done, total) >> shift) : 0);
    m_progressBar->setFormat(text);
    m_progressBar->setAccessibleDescription(text);
}

void PayloadEditor::browse()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Send a file"), m_edit->text());
    if (!path.isEmpty())
        m_edit->setText(path);
}

void PayloadEditor::updateForMode()
{
    const Mode current = mode();
    m_lineEndingCombo->setEnabled(current == Mode::Text);
    m_lineEndingCombo->setVisible(current != Mode::File);
    m_browseButton->setVisible(current == Mode::File);
    m_lineEndingCombo->setToolTip(current == Mode::Text ? tr("Bytes added after the typed text")
                                                        : tr("Hex and Base64 send exactly the bytes you type"));
    m_repeatSpin->setEnabled(current != Mode::File);
    m_intervalSpin->setEnabled(current != Mode::File);
    switch (current) {
    case Mode::Text:
        m_edit->setPlaceholderText(tr("Type a message, press Enter to send"));
        break;
    case Mode::Hex:
        m_edit->setPlaceholderText(tr("Hex bytes, e.g. 48 65 6c 6c 6f 0a"));
        break;
    case Mode::Base64:
        m_edit->setPlaceholderText(tr("Base64, e.g. SGVsbG8K"));
        break;
    case Mode::File:
        m_edit->setPlaceholderText(tr("Path of a file to send, or Choose file…"));
        break;
    }
    validate();
}

void PayloadEditor::validate()
{
    // An empty field is not a mistake yet; Send says so if pressed.
    const Outgoing out = outgoing();
    if (out.ok || m_edit->text().isEmpty()) {
        m_errorLabel->clearError();
        m_edit->setStyleSheet(QString());
        m_edit->setAccessibleDescription(tr("The bytes to send. Press Enter to send, Up and Down for the history."));
    } else {
        m_errorLabel->showError(out.error);
        m_edit->setStyleSheet(QLatin1String(invalidStyle));
        m_edit->setAccessibleDescription(out.error);
    }
}

} // namespace SockPlay
