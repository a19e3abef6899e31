// SequenceDiagram's exports: SVG (the labels stay text) and PNG at 2x, for slides.
#include "sequencediagram.h"

#include <QFile>
#include <QFileDialog>
#include <QImage>
#include <QImageWriter>
#include <QMessageBox>
#include <QPainter>
#include <QSvgGenerator>

namespace SockPlay {

namespace {

constexpr qint64 MaxPngPixels = 64LL * 1024 * 1024; // 256 MB of image at 2x

} // namespace

QSize SequenceDiagram::exportSize() const
{
    return {m_renderer.contentWidth(), std::min(m_renderer.contentHeight(), MaxExportHeight)};
}

namespace {

/// The content an export shows: all of it, or its newest MaxExportHeight pixels.
QRectF exportView(const SequenceRenderer &renderer, const QSize &size)
{
    return QRectF(0, renderer.contentHeight() - size.height(), size.width(), size.height());
}

} // namespace

Result SequenceDiagram::exportSvg(const QString &path) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return Result::failure(tr("cannot write %1: %2").arg(path, file.errorString()));
    const QSize size = exportSize();
    QSvgGenerator svg;
    svg.setOutputDevice(&file);
    svg.setSize(size);
    svg.setViewBox(QRect(QPoint(0, 0), size));
    svg.setTitle(tr("Sequence diagram"));
    svg.setDescription(tr("SockPlay: the conversation as a ladder, %n arrow(s)", nullptr, int(m_ladder.arrowCount())));
    QPainter painter;
    if (!painter.begin(&svg))
        return Result::failure(tr("cannot write %1: the SVG generator refused it").arg(path));
    m_renderer.paint(painter, exportView(m_renderer, size), -1);
    painter.end();
    if (file.error() != QFileDevice::NoError)
        return Result::failure(tr("cannot write %1: %2").arg(path, file.errorString()));
    return Result::success();
}

Result SequenceDiagram::exportPng(const QString &path) const
{
    const QSize size = exportSize();
    const QSize pixels = size * 2;
    if (qint64(pixels.width()) * pixels.height() > MaxPngPixels)
        return Result::failure(tr("the diagram is too large for a PNG (%1 × %2 pixels); export SVG instead")
                                   .arg(pixels.width())
                                   .arg(pixels.height()));
    QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        return Result::failure(tr("not enough memory for a %1 × %2 image").arg(pixels.width()).arg(pixels.height()));
    image.setDevicePixelRatio(2);
    image.fill(palette().color(QPalette::Base));
    {
        QPainter painter(&image);
        m_renderer.paint(painter, exportView(m_renderer, size), -1);
    }
    QImageWriter writer(path, "png");
    if (!writer.write(image))
        return Result::failure(tr("cannot write %1: %2").arg(path, writer.errorString()));
    return Result::success();
}

void SequenceDiagram::chooseExportFile(bool svg)
{
    const QString path = svg ? QFileDialog::getSaveFileName(this, tr("Export sequence diagram as SVG"),
                                                            QStringLiteral("sequence.svg"), tr("SVG images (*.svg)"))
                             : QFileDialog::getSaveFileName(this, tr("Export sequence diagram as PNG"),
                                                            QStringLiteral("sequence.png"), tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    const Result result = svg ? exportSvg(path) : exportPng(path);
    if (!result)
        QMessageBox::warning(this, tr("Export failed"), result.error);
}

} // namespace SockPlay
