/* smt-workbook.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gsf/gsf.h>
#include <string.h>

#include "smt-csv-reader.h"
#include "smt-ods-reader.h"
#include "smt-sheet-xml.h"
#include "smt-workbook.h"
#include "smt-xls-reader.h"
#include "smt-xlsx-reader.h"

struct _SmtWorkbook
{
  SmtWorkbookFormat  format;
  char              *file_name;   /* display name, for messages and text sheets */
  GBytes            *bytes;
  char              *temp_path;   /* .xls given as bytes: FreeXL reads a path */
  GsfInput          *input;
  GsfInfile         *zip;
  SmtXlsxReader     *xlsx;
  SmtOdsReader      *ods;
  SmtXlsReader      *xls;
};

G_DEFINE_QUARK (smt-sheet-error-quark, smt_sheet_error)

static const guint8 ole2_magic[8] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };

SmtTextHint
smt_text_hint_for_font (const char *font_name)
{
  if (font_name == NULL)
    return SMT_TEXT_HINT_NONE;
  if (g_ascii_strncasecmp (font_name, ".vn", 3) == 0)
    return SMT_TEXT_HINT_TCVN3;
  if (g_ascii_strncasecmp (font_name, "vni-", 4) == 0)
    return SMT_TEXT_HINT_VNI;
  return SMT_TEXT_HINT_NONE;
}

const char *
smt_workbook_format_name (SmtWorkbookFormat format)
{
  switch (format)
    {
    case SMT_WORKBOOK_XLSX:
      return "xlsx";
    case SMT_WORKBOOK_ODS:
      return "ods";
    case SMT_WORKBOOK_XLS:
      return "xls";
    case SMT_WORKBOOK_TEXT:
    default:
      return "text";
    }
}

/* The first bytes of a zip member, as text ("" when absent). */
static char *
member_head (GsfInfile  *zip,
             const char *path,
             gsize       max)
{
  g_autoptr(SmtGsfInput) input = smt_sheet_zip_member (zip, path);
  gsf_off_t size;
  const guint8 *data;

  if (input == NULL)
    return NULL;
  size = MIN (gsf_input_size (input), (gsf_off_t) max);
  data = size > 0 ? gsf_input_read (input, (size_t) size, NULL) : NULL;
  return data != NULL ? g_strndup ((const char *) data, (gsize) size) : g_strdup ("");
}

static gboolean
has_member (GsfInfile  *zip,
            const char *path)
{
  g_autoptr(SmtGsfInput) input = smt_sheet_zip_member (zip, path);

  return input != NULL;
}

/* libgsf turns a member's DOS date into a GDateTime and, when the date is
 * impossible (month 15, hour 31 …: a damaged file), unrefs a NULL one with
 * a GLib critical. The dates mean nothing to us: an archive whose central
 * directory holds an impossible date gets a copy with those dates set to
 * 01/01/1980, walked from the end-of-directory record (never by searching
 * for signatures, which compressed data may hold by chance). Returns NULL
 * when nothing needs changing; a directory that cannot be walked to its
 * end keeps what was mended before the break. */
static gboolean
dos_date_valid (guint date,
                guint time)
{
  guint month = (date >> 5) & 0x0f, day = date & 0x1f;
  guint hour = time >> 11, minute = (time >> 5) & 0x3f, second = (time & 0x1f) * 2;

  return month >= 1 && month <= 12 && day >= 1 && hour < 24 && minute < 60 && second < 60;
}

/* Little-endian fields at any address (a zip's are not aligned). */
static guint
le16 (const guint8 *p)
{
  return (guint) p[0] | (guint) p[1] << 8;
}

static gsize
le32 (const guint8 *p)
{
  return (gsize) p[0] | (gsize) p[1] << 8 | (gsize) p[2] << 16 | (gsize) p[3] << 24;
}

static GBytes *
zip_with_valid_dates (GBytes *bytes)
{
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (bytes, &length);
  g_autofree guint8 *copy = NULL;
  gsize eocd, offset, count;

  if (length < 22)
    return NULL;
  /* The end-of-directory record: 22 bytes and a comment of up to 64 KiB. */
  for (eocd = length - 22;; eocd--)
    {
      if (memcmp (data + eocd, "PK\x05\x06", 4) == 0)
        break;
      if (eocd == 0 || length - eocd > 22 + 0xffff)
        return NULL;
    }
  count = le16 (data + eocd + 10);
  offset = le32 (data + eocd + 16);
  for (gsize i = 0; i < count; i++)
    {
      gsize name, extra, comment, local;
      guint date, time;

      /* A directory that stops early (cut or damaged) keeps the dates
       * mended so far: libgsf may read further than we can. */
      if (offset > length || length - offset < 46 || memcmp (data + offset, "PK\x01\x02", 4) != 0)
        break;
      time = le16 (data + offset + 12);
      date = le16 (data + offset + 14);
      name = le16 (data + offset + 28);
      extra = le16 (data + offset + 30);
      comment = le16 (data + offset + 32);
      local = le32 (data + offset + 42);
      if (!dos_date_valid (date, time))
        {
          if (copy == NULL)
            copy = g_memdup2 (data, length);
          copy[offset + 12] = copy[offset + 13] = 0;
          copy[offset + 14] = 0x21;
          copy[offset + 15] = 0;
        }
      if (local <= length && length - local >= 30 && memcmp (data + local, "PK\x03\x04", 4) == 0)
        {
          time = le16 (data + local + 10);
          date = le16 (data + local + 12);
          if (!dos_date_valid (date, time))
            {
              if (copy == NULL)
                copy = g_memdup2 (data, length);
              copy[local + 10] = copy[local + 11] = 0;
              copy[local + 12] = 0x21;
              copy[local + 13] = 0;
            }
        }
      offset += 46 + name + extra + comment;
    }
  return copy != NULL ? g_bytes_new_take (g_steal_pointer (&copy), length) : NULL;
}

static gboolean
open_zip (SmtWorkbook  *wb,
          GError      **error)
{
  g_autoptr(GError) zip_error = NULL;
  g_autofree char *mimetype = NULL;

  GBytes *fixed = zip_with_valid_dates (wb->bytes);

  if (fixed != NULL)
    {
      g_bytes_unref (wb->bytes);
      wb->bytes = fixed;
    }
  wb->input = gsf_input_memory_new (g_bytes_get_data (wb->bytes, NULL),
                                    (gsf_off_t) g_bytes_get_size (wb->bytes), FALSE);
  wb->zip = gsf_infile_zip_new (wb->input, &zip_error);
  if (wb->zip == NULL)
    return smt_sheet_fail_damaged (error, wb->file_name, _("its zip archive is broken")) != NULL;

  mimetype = member_head (wb->zip, "mimetype", 200);
  if (mimetype != NULL && g_str_has_prefix (mimetype, "application/vnd.oasis.opendocument.spreadsheet"))
    {
      wb->format = SMT_WORKBOOK_ODS;
      wb->ods = smt_ods_reader_new (wb->zip, wb->file_name, error);
      return wb->ods != NULL;
    }
  if (has_member (wb->zip, "xl/workbook.xml"))
    {
      wb->format = SMT_WORKBOOK_XLSX;
      wb->xlsx = smt_xlsx_reader_new (wb->zip, wb->file_name, error);
      return wb->xlsx != NULL;
    }
  if (has_member (wb->zip, "word/document.xml"))
    return smt_sheet_fail_format (error, wb->file_name, _("it is a Word document")) != NULL;
  if (mimetype != NULL && g_str_has_prefix (mimetype, "application/vnd.oasis.opendocument."))
    return smt_sheet_fail_format (error, wb->file_name,
                                  _("it is an OpenDocument file but not a spreadsheet")) != NULL;
  return smt_sheet_fail_format (error, wb->file_name,
                                _("it is a zip archive, not a spreadsheet")) != NULL;
}

/* memmem is not on Windows. */
static gboolean
contains (const guint8 *data,
          gsize         length,
          const guint8 *needle,
          gsize         needle_length)
{
  for (const guint8 *p = data; p != NULL && p + needle_length <= data + length; p++)
    {
      p = memchr (p, needle[0], (gsize) (data + length - p));
      if (p == NULL || p + needle_length > data + length)
        return FALSE;
      if (memcmp (p, needle, needle_length) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
open_ole2 (SmtWorkbook  *wb,
           const char   *path,
           GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  static const char encrypted_name[] = "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0";
  gsize length;
  const guint8 *data = g_bytes_get_data (wb->bytes, &length);

  /* A password-protected .xlsx is an OLE2 file holding the encrypted zip
   * in a stream "EncryptedPackage"; its directory entry holds the name in
   * UTF-16LE. (libgsf's OLE2 reader warns on damaged files: not used.) */
  if (contains (data, length, (const guint8 *) encrypted_name, sizeof encrypted_name - 1))
    {
      g_set_error (error, SMT_SHEET_ERROR, SMT_SHEET_ERROR_ENCRYPTED,
                   _("“%s” is protected by a password. Open it in Excel, remove the password "
                     "(File, Info, Protect Workbook), save it as .xlsx and import that copy."),
                   wb->file_name);
      return FALSE;
    }
  wb->format = SMT_WORKBOOK_XLS;
  if (path == NULL)
    {
      int fd = g_file_open_tmp ("somattran-XXXXXX.xls", &wb->temp_path, &local_error);

      if (fd < 0)
        {
          g_set_error (error, SMT_SHEET_ERROR, SMT_SHEET_ERROR_OPEN,
                       _("Cannot read “%s”: %s. Check that the temporary folder has room."),
                       wb->file_name, local_error->message);
          return FALSE;
        }
      close (fd);
      if (!g_file_set_contents (wb->temp_path, g_bytes_get_data (wb->bytes, NULL),
                                (gssize) g_bytes_get_size (wb->bytes), &local_error))
        {
          g_set_error (error, SMT_SHEET_ERROR, SMT_SHEET_ERROR_OPEN,
                       _("Cannot read “%s”: %s. Check that the temporary folder has room."),
                       wb->file_name, local_error->message);
          return FALSE;
        }
      path = wb->temp_path;
    }
  wb->xls = smt_xls_reader_new (path, wb->file_name, error);
  return wb->xls != NULL;
}

static SmtWorkbook *
open_content (GBytes      *bytes,
              const char  *file_name,
              const char  *path,
              GError     **error)
{
  g_autoptr(SmtWorkbook) wb = g_new0 (SmtWorkbook, 1);
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);

  wb->bytes = g_bytes_ref (bytes);
  wb->file_name = g_strdup (file_name);
  if (length == 0)
    return smt_sheet_fail_format (error, file_name, _("the file is empty"));
  if (length >= 4 && memcmp (data, "PK\x03\x04", 4) == 0)
    return open_zip (wb, error) ? g_steal_pointer (&wb) : NULL;
  if (length >= 8 && memcmp (data, ole2_magic, 8) == 0)
    return open_ole2 (wb, path, error) ? g_steal_pointer (&wb) : NULL;
  if (length >= 4 && (memcmp (data, "PK\x05\x06", 4) == 0 || memcmp (data, "%PDF", 4) == 0))
    return smt_sheet_fail_format (error, file_name, _("it is not a spreadsheet"));
  wb->format = SMT_WORKBOOK_TEXT;
  if (!smt_csv_sniff (data, length, file_name, error))
    return NULL;
  return g_steal_pointer (&wb);
}

/**
 * smt_workbook_open:
 * @path: a spreadsheet or text file
 *
 * Opens @path and reads what its sheets are called; the format is found
 * from the content, whatever the file's extension says.
 *
 * Returns: (transfer full): the workbook, or %NULL with an SMT_SHEET_ERROR.
 */
SmtWorkbook *
smt_workbook_open (const char  *path,
                   GError     **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  display = g_filename_display_basename (path);
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, SMT_SHEET_ERROR, SMT_SHEET_ERROR_OPEN,
                   _("“%s” is a folder. Choose a spreadsheet file inside it."), display);
      return NULL;
    }
  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_set_error (error, SMT_SHEET_ERROR, SMT_SHEET_ERROR_OPEN,
                   _("Cannot read “%s”: %s. Check that the file exists and that you may read it."),
                   display, local_error->message);
      return NULL;
    }
  bytes = g_mapped_file_get_bytes (mapped);
  return open_content (bytes, display, path, error);
}

/**
 * smt_workbook_open_bytes:
 * @bytes: the content of a spreadsheet or text file
 * @name: the file's name, for messages and the sheet of a text file
 *
 * Like smt_workbook_open() for content already in memory.
 *
 * Returns: (transfer full): the workbook, or %NULL with an SMT_SHEET_ERROR.
 */
SmtWorkbook *
smt_workbook_open_bytes (GBytes      *bytes,
                         const char  *name,
                         GError     **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);

  return open_content (bytes, name != NULL ? name : "", NULL, error);
}

void
smt_workbook_free (SmtWorkbook *wb)
{
  if (wb == NULL)
    return;
  g_clear_pointer (&wb->xlsx, smt_xlsx_reader_free);
  g_clear_pointer (&wb->ods, smt_ods_reader_free);
  g_clear_pointer (&wb->xls, smt_xls_reader_free);
  g_clear_object (&wb->zip);
  g_clear_object (&wb->input);
  if (wb->temp_path != NULL)
    g_unlink (wb->temp_path);
  g_free (wb->temp_path);
  g_clear_pointer (&wb->bytes, g_bytes_unref);
  g_free (wb->file_name);
  g_free (wb);
}

SmtWorkbookFormat
smt_workbook_format (const SmtWorkbook *wb)
{
  g_return_val_if_fail (wb != NULL, SMT_WORKBOOK_TEXT);
  return wb->format;
}

guint
smt_workbook_n_sheets (const SmtWorkbook *wb)
{
  g_return_val_if_fail (wb != NULL, 0);

  switch (wb->format)
    {
    case SMT_WORKBOOK_XLSX:
      return smt_xlsx_reader_n_sheets (wb->xlsx);
    case SMT_WORKBOOK_ODS:
      return smt_ods_reader_n_sheets (wb->ods);
    case SMT_WORKBOOK_XLS:
      return smt_xls_reader_n_sheets (wb->xls);
    case SMT_WORKBOOK_TEXT:
    default:
      return 1;
    }
}

const char *
smt_workbook_sheet_name (const SmtWorkbook *wb,
                         guint              index)
{
  g_return_val_if_fail (wb != NULL, NULL);
  g_return_val_if_fail (index < smt_workbook_n_sheets (wb), NULL);

  switch (wb->format)
    {
    case SMT_WORKBOOK_XLSX:
      return smt_xlsx_reader_sheet_name (wb->xlsx, index);
    case SMT_WORKBOOK_ODS:
      return smt_ods_reader_sheet_name (wb->ods, index);
    case SMT_WORKBOOK_XLS:
      return smt_xls_reader_sheet_name (wb->xls, index);
    case SMT_WORKBOOK_TEXT:
    default:
      return wb->file_name;
    }
}

/**
 * smt_workbook_read_sheet:
 * @workbook: an open workbook
 * @index: which sheet, from 0
 * @cancellable: (nullable): checked every few hundred rows
 * @progress: (nullable): told the share read so far, 0 to 1
 * @user_data: for @progress
 *
 * Reads one sheet whole. One read at a time per workbook; the workbook may
 * be handed to a worker thread for it.
 *
 * Returns: (transfer full): the sheet, or %NULL with an SMT_SHEET_ERROR or
 * G_IO_ERROR_CANCELLED.
 */
SmtSheet *
smt_workbook_read_sheet (SmtWorkbook       *wb,
                         guint              index,
                         GCancellable      *cancellable,
                         SmtSheetProgress   progress,
                         gpointer           user_data,
                         GError           **error)
{
  SmtSheetJob job;
  SmtSheet *sheet = NULL;
  guint n;

  g_return_val_if_fail (wb != NULL, NULL);

  n = smt_workbook_n_sheets (wb);
  if (index >= n)
    {
      g_set_error (error, SMT_SHEET_ERROR, SMT_SHEET_ERROR_NO_SHEET,
                   ngettext ("“%s” has no sheet number %u: it has %u sheet.",
                             "“%s” has no sheet number %u: it has %u sheets.", n),
                   wb->file_name, index + 1, n);
      return NULL;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  smt_sheet_job_init (&job, wb->file_name, cancellable, progress, user_data);
  switch (wb->format)
    {
    case SMT_WORKBOOK_XLSX:
      sheet = smt_xlsx_reader_read (wb->xlsx, index, &job, error);
      break;
    case SMT_WORKBOOK_ODS:
      sheet = smt_ods_reader_read (wb->ods, index, &job, error);
      break;
    case SMT_WORKBOOK_XLS:
      sheet = smt_xls_reader_read (wb->xls, index, &job, error);
      break;
    case SMT_WORKBOOK_TEXT:
    default:
      sheet = smt_csv_read (g_bytes_get_data (wb->bytes, NULL), g_bytes_get_size (wb->bytes),
                            wb->file_name, &job, error);
      break;
    }
  if (sheet != NULL)
    smt_sheet_job_done (&job);
  return sheet;
}
