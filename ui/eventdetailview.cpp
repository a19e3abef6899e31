#include "eventdetailview.h"

#include "eventlog.h"
#include "hexdump.h"
#include "translations.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace SockPlay {

namespace {

enum RelatedColumn { RelatedEventColumn, RelatedTimeColumn, RelatedOffsetColumn, RelatedBytesColumn, RelatedColumns };

QString plural(qsizetype n, const QString &one, const QString &many)
{
    return n == 1 ? one : many.arg(QLocale().toString(n));
}

QString offsetText(qint64 offset)
{
    return QStringLiteral("%1 (0x%2)").arg(QLocale().toString(offset)).arg(offset, 0, 16);
}

} // namespace

EventDetailView::EventDetailView(EventLog *log, QWidget *parent)
    : QWidget(parent)
    , m_log(log)
{
    setObjectName(QStringLiteral("logDetailPane"));
    setAccessibleName(tr("Event details"));

    m_titleLabel = new QLabel(this);
    m_titleLabel->setObjectName(QStringLiteral("logDetailTitle"));
    QFont titleFont; // only the weight: the size follows the zoom
    titleFont.setBold(true);
    m_titleLabel->setFont(titleFont);

    m_copyButton = new QPushButton(tr("Copy deta&ils"), this);
    m_copyButton->setObjectName(QStringLiteral("logDetailCopyButton"));
    m_copyButton->setAccessibleName(tr("Copy event details"));
    m_copyButton->setToolTip(tr("Copy the metadata, the chunks and the hex dump as text"));
    m_copyButton->setAutoDefault(false);

    m_emptyLabel = new QLabel(tr("Select an event in the log to see its bytes."), this);
    m_emptyLabel->setObjectName(QStringLiteral("logDetailEmptyLabel"));
    m_emptyLabel->setAccessibleName(m_emptyLabel->text());
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setAlignment(Qt::AlignTop | Qt::AlignLeft);

    // The body scrolls only when the log is too short for it: the pane never
    // makes the window taller than a 1280x720 screen.
    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("logDetailScroll"));
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidgetResizable(true);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setFocusPolicy(Qt::NoFocus);
    m_body = new QWidget(m_scroll);
    m_metadataLabel = new QLabel(m_body);
    m_metadataLabel->setObjectName(QStringLiteral("logDetailText"));
    m_metadataLabel->setAccessibleName(tr("Event metadata"));
    m_metadataLabel->setTextFormat(Qt::RichText);
    m_metadataLabel->setAlignment(Qt::AlignTop | Qt::AlignLeft); // an event without bytes has the pane to itself
    m_metadataLabel->setWordWrap(true);
    m_metadataLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    m_relatedLabel = new QLabel(m_body);
    m_relatedLabel->setObjectName(QStringLiteral("logDetailChunksLabel"));
    m_relatedLabel->setWordWrap(true);
    m_relatedList = new QTreeWidget(m_body);
    m_relatedList->setObjectName(QStringLiteral("logDetailChunks"));
    m_relatedList->setAccessibleName(tr("Chunks of the message"));
    m_relatedList->setToolTip(tr("Enter or double-click selects the event in the log"));
    m_relatedList->setRootIsDecorated(false);
    m_relatedList->setUniformRowHeights(true);
    m_relatedList->setAllColumnsShowFocus(true);
    m_relatedList->setHeaderLabels({tr("Event"), tr("Time"), tr("Offset"), tr("Bytes")});
    m_relatedList->header()->setStretchLastSection(false);
    m_relatedList->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_relatedLabel->setBuddy(m_relatedList);

    m_dumpLabel = new QLabel(m_body);
    m_dumpLabel->setObjectName(QStringLiteral("logDetailDumpLabel"));
    m_dumpLabel->setWordWrap(true);
    m_dump = new QPlainTextEdit(m_body);
    m_dump->setObjectName(QStringLiteral("logDetailDump"));
    m_dump->setAccessibleName(tr("Payload hex dump"));
    m_dump->setReadOnly(true);
    m_dump->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_dump->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_dump->setTabChangesFocus(true);
    m_dumpLabel->setBuddy(m_dump);

    auto *top = new QHBoxLayout;
    top->addWidget(m_titleLabel, 1);
    top->addWidget(m_copyButton);

    auto *body = new QVBoxLayout(m_body);
    body->setContentsMargins({});
    body->addWidget(m_metadataLabel);
    body->addWidget(m_relatedLabel);
    body->addWidget(m_relatedList);
    body->addWidget(m_dumpLabel);
    body->addWidget(m_dump, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins({});
    layout->addLayout(top);
    layout->addWidget(m_emptyLabel, 1);
    m_scroll->setWidget(m_body);
    layout->addWidget(m_scroll, 1);

    connect(m_copyButton, &QPushButton::clicked, this, &EventDetailView::copyToClipboard);
    connect(m_relatedList, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        emit eventActivated(item->data(RelatedEventColumn, Qt::UserRole).toULongLong());
    });

    applyFonts();
    clear();
}

QString EventDetailView::wallTimeText(const Event &event, bool withDate)
{
    // The log's epoch is in ms and its clock in ns: the microseconds come
    // from both. Local time is looked up here, once per event shown.
    const qint64 us = event.epochMs * 1000 + event.timeNs / 1000;
    const qint64 ms = us >= 0 ? us / 1000 : (us - 999) / 1000;
    const qint64 micro = ((us % 1000000) + 1000000) % 1000000;
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(ms).toLocalTime();
    return local.toString(withDate ? QStringLiteral("yyyy-MM-dd hh:mm:ss") : QStringLiteral("hh:mm:ss"))
        + QStringLiteral(".%1").arg(micro, 6, 10, QChar(u'0'));
}

void EventDetailView::clear()
{
    m_event.reset();
    m_related.clear();
    m_evicted = false;
    m_titleLabel->setText(tr("Event details"));
    m_emptyLabel->show();
    m_scroll->hide();
    m_copyButton->setEnabled(false);
    m_dump->clear();
}

void EventDetailView::setEvent(const Event &event)
{
    m_event = event;
    m_evicted = false;
    m_titleLabel->setText(tr("Event details"));
    m_emptyLabel->hide();
    m_scroll->show();
    m_copyButton->setEnabled(true);

    QString html = QStringLiteral("<table cellspacing=\"0\" cellpadding=\"1\">");
    for (const auto &[key, value] : metadata()) {
        html += QStringLiteral("<tr><td style=\"padding-right: 1em\">%1</td><td>%2</td></tr>")
                    .arg(key.toHtmlEscaped(), value.toHtmlEscaped());
    }
    m_metadataLabel->setText(html + QStringLiteral("</table>"));

    fillRelated();

    const bool hasBytes = !event.payload.isEmpty() || event.byteCount > 0;
    m_dumpLabel->setVisible(hasBytes);
    m_dump->setVisible(hasBytes);
    if (event.payloadDropped()) {
        m_dumpLabel->setText(tr("Payload dropped: the log's payload budget ran out."));
    } else if (event.payloadTruncated()) {
        m_dumpLabel->setText(tr("Payload: the first %1 of %2 bytes (the log's limit per event):")
                                 .arg(QLocale().toString(event.payload.size()), QLocale().toString(event.byteCount)));
    } else {
        m_dumpLabel->setText(event.streamOffset >= 0 ? tr("Payload, offsets in the stream:") : tr("Payload:"));
    }
    m_dumpTitle = m_dumpLabel->text();
    if (event.payload.size() > MaxDumpBytes) {
        m_dumpLabel->setText(m_dumpTitle + QLatin1Char(' ')
                             + tr("(the first %1 bytes are shown; Copy details copies all %2)")
                                   .arg(QLocale().toString(MaxDumpBytes), QLocale().toString(event.payload.size())));
    }
    m_dumpLabel->setAccessibleName(m_dumpLabel->text());
    updateBytesPerLine();
    renderDump();
}

void EventDetailView::markEvicted()
{
    if (!m_event || m_evicted)
        return;
    m_evicted = true;
    m_titleLabel->setText(tr("%1 (no longer in the log)").arg(m_titleLabel->text()));
}

QList<std::pair<QString, QString>> EventDetailView::metadata() const
{
    // Few rows, several facts each: the pane shares the log's height with the dump.
    QList<std::pair<QString, QString>> rows;
    if (!m_event)
        return rows;
    const Event &event = *m_event;
    const QLocale locale;
    if (event.kind == EventKind::Dropped) {
        rows.append({tr("Event"), plural(event.droppedCount, tr("1 event dropped here"), tr("%1 events dropped here"))});
        return rows;
    }
    QString what = eventKindText(event.kind);
    if (event.byteCount > 0 || isDataKind(event.kind) || event.kind == EventKind::Message)
        what += tr(", %1").arg(plural(event.byteCount, tr("1 byte"), tr("%1 bytes")));
    rows.append({tr("Event"), tr("%1 (sequence #%2)").arg(what).arg(event.sequence)});
    rows.append({tr("Time"), wallTimeText(event)});
    if (!event.endpointName().isEmpty()) {
        rows.append({tr("Endpoint"), event.connectionId() > 0
                                         ? tr("%1, connection #%2").arg(event.endpointName()).arg(event.connectionId())
                                         : event.endpointName()});
    }
    if (!event.localText().isEmpty() && !event.peerText().isEmpty())
        rows.append({tr("Addresses"), tr("local %1, peer %2").arg(event.localText(), event.peerText())});
    else if (!event.localText().isEmpty())
        rows.append({tr("Addresses"), tr("local %1").arg(event.localText())});
    else if (!event.peerText().isEmpty())
        rows.append({tr("Addresses"), tr("peer %1").arg(event.peerText())});
    if (event.streamOffset >= 0) {
        const bool incoming = isIncomingKind(event.kind) || event.kind == EventKind::Message;
        rows.append({tr("Stream offset"), incoming ? tr("%1, incoming").arg(offsetText(event.streamOffset))
                                                   : tr("%1, outgoing").arg(offsetText(event.streamOffset))});
    }
    if (event.payloadDropped())
        rows.append({tr("Payload"), tr("dropped (the log's payload budget ran out)")});
    else if (event.payloadTruncated())
        rows.append({tr("Payload"), tr("truncated: %1 of %2 bytes kept").arg(locale.toString(event.payload.size()),
                                                                             locale.toString(event.byteCount))});
    if (!event.detail.isEmpty())
        rows.append({tr("Detail"), event.detail});
    return rows;
}

void EventDetailView::fillRelated()
{
    m_related.clear();
    m_relatedTitle.clear();
    m_relatedNote.clear();
    const Event &event = *m_event;
    const QLocale locale;
    if (m_log && event.kind == EventKind::Message) {
        const EventLog::Chunks chunks = m_log->chunksOf(event, MaxScan);
        m_related = chunks.events;
        m_relatedTitle = plural(m_related.size(), tr("Came in 1 read:"), tr("Came in %1 reads:"));
        if (chunks.bytesMissing > 0) {
            m_relatedNote = chunks.evicted
                ? tr("The first %1 bytes came in reads no longer in the log.").arg(locale.toString(chunks.bytesMissing))
                : tr("The first %1 bytes came in reads more than %2 events earlier (not looked up).")
                      .arg(locale.toString(chunks.bytesMissing), locale.toString(MaxScan));
        }
    } else if (m_log && isIncomingKind(event.kind)) {
        m_related = m_log->messagesFrom(event, MaxScan);
        if (!m_related.isEmpty())
            m_relatedTitle = plural(m_related.size(), tr("Fed 1 message:"), tr("Fed %1 messages:"));
    }

    m_relatedList->clear();
    for (const Event &related : std::as_const(m_related)) {
        auto *item = new QTreeWidgetItem(m_relatedList);
        item->setText(RelatedEventColumn, tr("#%1 %2").arg(related.sequence).arg(eventKindText(related.kind)));
        item->setData(RelatedEventColumn, Qt::UserRole, QVariant::fromValue(related.sequence));
        item->setText(RelatedTimeColumn, wallTimeText(related, false));
        item->setText(RelatedOffsetColumn, locale.toString(related.streamOffset));
        item->setText(RelatedBytesColumn, locale.toString(related.byteCount));
        item->setTextAlignment(RelatedOffsetColumn, Qt::AlignRight | Qt::AlignVCenter);
        item->setTextAlignment(RelatedBytesColumn, Qt::AlignRight | Qt::AlignVCenter);
    }
    const QString label = m_relatedNote.isEmpty() ? m_relatedTitle
        : m_related.isEmpty()                     ? m_relatedNote
                                                  : m_relatedTitle + QLatin1Char(' ') + m_relatedNote;
    m_relatedLabel->setText(label);
    m_relatedLabel->setVisible(!label.isEmpty());
    m_relatedList->setVisible(!m_related.isEmpty());
    // A few rows, never the whole pane: a message of a thousand reads scrolls.
    const int rows = int(std::min<qsizetype>(m_related.size(), 4));
    const int rowHeight = m_relatedList->fontMetrics().height() + 4;
    m_relatedList->setFixedHeight(m_relatedList->header()->sizeHint().height() + rows * rowHeight
                                  + 2 * m_relatedList->frameWidth());
    if (!m_related.isEmpty())
        m_relatedList->setCurrentItem(m_relatedList->topLevelItem(0));
}

void EventDetailView::renderDump()
{
    if (!m_event || !m_dump->isVisibleTo(this)) {
        m_dump->clear();
        return;
    }
    m_dump->setPlainText(HexDump::render(m_event->payload.left(MaxDumpBytes), m_bytesPerLine,
                                         std::max<qint64>(0, m_event->streamOffset)));
}

void EventDetailView::updateBytesPerLine()
{
    const qint64 base = m_event ? std::max<qint64>(0, m_event->streamOffset) : 0;
    const int digits = HexDump::offsetDigits(base, m_event ? m_event->payload.size() : 0);
    const QFontMetrics metrics(m_dump->font());
    const int wide = metrics.horizontalAdvance(QString(HexDump::lineLength(HexDump::WideBytesPerLine, digits), u'0'));
    // Room for a vertical scroll bar is always left: a dump that gains one
    // must not flip between 16 and 8.
    const int room = m_dump->contentsRect().width() - m_dump->verticalScrollBar()->sizeHint().width()
        - 2 * int(m_dump->document()->documentMargin());
    const int perLine = wide <= room ? HexDump::WideBytesPerLine : HexDump::NarrowBytesPerLine;
    if (perLine == m_bytesPerLine)
        return;
    m_bytesPerLine = perLine;
    renderDump();
}

QString EventDetailView::text() const
{
    if (!m_event)
        return {};
    QString text = m_titleLabel->text() + QLatin1Char('\n');
    const QList<std::pair<QString, QString>> rows = metadata();
    qsizetype width = 0;
    for (const auto &row : rows)
        width = std::max(width, row.first.size());
    for (const auto &[key, value] : rows)
        text += QString(key + QLatin1Char(':')).leftJustified(width + 3) + value + QLatin1Char('\n');
    if (!m_relatedTitle.isEmpty() || !m_relatedNote.isEmpty()) {
        text += QLatin1Char('\n');
        if (!m_related.isEmpty())
            text += m_relatedTitle + QLatin1Char('\n');
        for (const Event &related : m_related) {
            text += tr("  #%1 %2  %3  offset %4  %5 bytes\n")
                        .arg(related.sequence)
                        .arg(eventKindText(related.kind), wallTimeText(related, false))
                        .arg(related.streamOffset)
                        .arg(related.byteCount);
        }
        if (!m_relatedNote.isEmpty())
            text += m_relatedNote + QLatin1Char('\n');
    }
    if (m_dump->isVisibleTo(this)) {
        text += QLatin1Char('\n') + m_dumpTitle + QLatin1Char('\n');
        text += HexDump::render(m_event->payload, m_bytesPerLine, std::max<qint64>(0, m_event->streamOffset));
    }
    return text;
}

void EventDetailView::copyToClipboard()
{
    QApplication::clipboard()->setText(text());
}

int EventDetailView::widthFor(int bytesPerLine) const
{
    const QFontMetrics metrics(m_dump->font());
    const int dump = metrics.horizontalAdvance(QString(HexDump::lineLength(bytesPerLine), u'0'))
        + m_dump->verticalScrollBar()->sizeHint().width() + 2 * int(m_dump->document()->documentMargin())
        + 2 * m_dump->frameWidth();
    return dump + contentsMargins().left() + contentsMargins().right();
}

QSize EventDetailView::sizeHint() const
{
    // Wide enough for 8 bytes per line; the log view gives more when there is room.
    return {widthFor(HexDump::NarrowBytesPerLine), QWidget::sizeHint().height()};
}

void EventDetailView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    updateBytesPerLine();
}

void EventDetailView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        applyFonts();
}

void EventDetailView::applyFonts()
{
    // Only the family is set: the size follows the window (a projector's larger font).
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    QFont dumpFont;
    dumpFont.setFamilies(mono.families());
    dumpFont.setStyleHint(QFont::Monospace);
    m_dump->setFont(dumpFont);
    // A few lines at least: where the log is short, the body scrolls instead.
    m_dump->setMinimumHeight(4 * QFontMetrics(m_dump->font()).lineSpacing() + 2 * m_dump->frameWidth()
                             + 2 * int(m_dump->document()->documentMargin()));
    updateBytesPerLine();
}

} // namespace SockPlay
