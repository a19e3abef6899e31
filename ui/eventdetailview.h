#pragma once

#include "event.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;
class QTreeWidget;

namespace SockPlay {

class EventLog;

/// The detail pane of the log: everything about one event, copyable.
///
/// A metadata block (kind, wall time to the microsecond, endpoint,
/// connection, addresses, bytes, stream offset, sequence, what happened to
/// the payload, the detail text), the reads a message came in (or the
/// messages a read fed), and the kept payload as a hex dump whose offsets are
/// the stream's. The dump has 16 bytes per line when they fit, else 8.
///
/// It holds a copy of the event: what it shows stays when the log evicts the
/// event (markEvicted() says so). It reads the log only in setEvent(), never
/// per batch, so a flood costs it nothing.
class EventDetailView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventDetailView)
public:
    /// Reads within this many events of the shown one are looked up.
    static constexpr int MaxScan = 100000;
    /// Bytes the dump shows (Copy copies all that is kept): a kept payload of
    /// 1 MiB would take 0.4 s to show, on every arrow key.
    static constexpr int MaxDumpBytes = 64 * 1024;

    explicit EventDetailView(EventLog *log, QWidget *parent = nullptr);

    /// Shows this event and looks up its chunks (a message) or the messages it fed (a read).
    void setEvent(const Event &event);
    /// The empty state: nothing selected.
    void clear();
    /// The event shown is no longer in the log (evicted or cleared); what is shown stays.
    void markEvicted();

    const std::optional<Event> &event() const { return m_event; }
    /// Bytes per line of the dump now (16 or 8).
    int bytesPerLine() const { return m_bytesPerLine; }
    /// What the Copy button copies: the metadata, the chunks and the dump, as text.
    QString text() const;

    /// "2026-12-05 10:23:45.123456", local time; withDate false: "10:23:45.123456".
    static QString wallTimeText(const Event &event, bool withDate = true);

    /// The width that shows the dump with this many bytes per line (8 or 16).
    int widthFor(int bytesPerLine) const;
    QSize sizeHint() const override;

signals:
    /// The user activated a chunk or a message in the list (Enter, double-click).
    void eventActivated(quint64 sequence);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void copyToClipboard();
    void applyFonts();
    void updateBytesPerLine();
    void renderDump();
    void fillRelated();
    QList<std::pair<QString, QString>> metadata() const;

    EventLog *m_log = nullptr; // outlives the view (the session owns it)
    std::optional<Event> m_event;
    QList<Event> m_related; // the chunks of a message, or the messages of a read
    QString m_relatedTitle;
    QString m_relatedNote; // bytes whose chunks were not found
    QString m_dumpTitle;   // the dump's caption, as Copy writes it
    bool m_evicted = false;
    int m_bytesPerLine = 16;
    QLabel *m_titleLabel = nullptr;
    QPushButton *m_copyButton = nullptr;
    QLabel *m_emptyLabel = nullptr;
    QScrollArea *m_scroll = nullptr;
    QWidget *m_body = nullptr;
    QLabel *m_metadataLabel = nullptr;
    QLabel *m_relatedLabel = nullptr;
    QTreeWidget *m_relatedList = nullptr;
    QLabel *m_dumpLabel = nullptr;
    QPlainTextEdit *m_dump = nullptr;
};

} // namespace SockPlay
