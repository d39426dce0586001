/* smt-settings-view.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n.h>

#include "core/activity/smt-settings-query.h"
#include "core/people/smt-people.h"
#include "core/register/smt-date.h"
#include "core/register/smt-format.h"
#include "core/register/smt-locale.h"
#include "core/targets/smt-catalogue.h"
#include "core/targets/smt-scope.h"
#include "core/targets/smt-targets.h"

#include "gui/base/smt-gui.h"
#include "gui/base/smt-view.h"
#include "gui/dialogs/smt-officer-dialog.h"
#include "gui/dialogs/smt-resolution-dialog.h"
#include "gui/dialogs/smt-scales-dialog.h"
#include "gui/dialogs/smt-target-dialog.h"
#include "smt-settings-view.h"

/* Cài đặt: the commune, its hamlets, the resolutions and their targets,
 * the officers, and the program's language, as groups of rows one above
 * the other. Every change is saved as soon as it is applied (Enter, the
 * tick of a row, or a dialog's button); a refusal is shown under the rows
 * that caused it. */

#define UNDO_REASON _("Undone (Ctrl+Z) right after it was recorded")

/* The kinds of hamlet the register knows (schema: hamlet.kind). */
static const char *const hamlet_kinds[] = {
  "ấp", "thôn", "khu phố", "tổ dân phố", "khu vực", "bản", "buôn", "làng", "sóc",
};
static const char *const commune_kinds[] = { "xã", "phường", "đặc khu" };

struct _SmtSettingsView
{
  GtkWidget          parent_instance;

  /* template widgets */
  GtkScrolledWindow *scrolled;
  AdwEntryRow       *name_row;
  AdwComboRow       *kind_row;
  AdwEntryRow       *province_row;
  AdwEntryRow       *place_row;
  AdwEntryRow       *signer_title_row;
  AdwEntryRow       *signer_name_row;
  GtkLabel          *commune_error;
  GtkListBox        *hamlet_list;
  AdwEntryRow       *new_hamlet_row;
  AdwComboRow       *new_hamlet_kind_row;
  GtkLabel          *hamlet_error;
  GtkWidget         *resolutions_group;
  GtkListBox        *resolution_list;
  AdwPreferencesGroup *targets_group;
  GtkWidget         *add_target_button;
  GtkListBox        *target_list;
  GtkWidget         *officers_group;
  GtkListBox        *officer_list;
  AdwComboRow       *language_row;
  GtkLabel          *language_error;

  /* owned */
  SmtRegister       *reg;
  GPtrArray         *hamlets;      /* SmtHamletRow, one per row */
  GPtrArray         *resolutions;  /* SmtResolutionRow, one per row */
  GPtrArray         *officers;     /* SmtOfficerRow */
  gboolean           filling;      /* rows set by code, not by the user */
};

static void smt_settings_view_view_init (SmtViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SmtSettingsView, smt_settings_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (SMT_TYPE_VIEW, smt_settings_view_view_init))

/* ---- helpers ---------------------------------------------------------------------- */

static GtkWidget *
row_new (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  return row;
}

static GtkWidget *
suffix_button (GtkWidget  *row,
               const char *label)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return button;
}

static void
list_clear (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
show_error (GtkLabel   *label,
            const char *message)
{
  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

static GtkWindow *
parent_window (SmtSettingsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static GtkStringList *
string_list_new (const char *const *items,
                 guint               n)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, items[i]);
  return list;
}

static guint
index_of (const char *const *items,
          guint               n,
          const char         *text)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (items[i], text) == 0)
      return i;
  return 0;
}

/* ---- the commune ----------------------------------------------------------------- */

typedef struct
{
  char *fields[6];  /* in SmtCommuneField order */
} CommuneValues;

static void
commune_values_free (gpointer data)
{
  CommuneValues *v = data;

  for (guint i = 0; i < G_N_ELEMENTS (v->fields); i++)
    g_free (v->fields[i]);
  g_free (v);
}

static CommuneValues *
commune_values_read (SmtRegister *reg)
{
  CommuneValues *v = g_new0 (CommuneValues, 1);

  smt_register_get_commune (reg, &v->fields[0], &v->fields[1], &v->fields[2], &v->fields[3],
                            &v->fields[4], &v->fields[5]);
  return v;
}

static gboolean
commune_values_write (SmtRegister          *reg,
                      const CommuneValues  *v,
                      const char           *reason,
                      GError              **error)
{
  SmtCommuneFields f = {
    .name = v->fields[SMT_COMMUNE_FIELD_NAME],
    .kind = v->fields[SMT_COMMUNE_FIELD_KIND],
    .province = v->fields[SMT_COMMUNE_FIELD_PROVINCE],
    .place = v->fields[SMT_COMMUNE_FIELD_PLACE],
    .signer_title = v->fields[SMT_COMMUNE_FIELD_SIGNER_TITLE],
    .signer_name = v->fields[SMT_COMMUNE_FIELD_SIGNER_NAME],
  };

  return smt_commune_update (reg, &f, reason, error);
}

static gboolean
undo_commune (SmtRegister  *reg,
              gpointer      data,
              GError      **error)
{
  return commune_values_write (reg, data, UNDO_REASON, error);
}

static AdwEntryRow *
commune_row (SmtSettingsView *self,
             SmtCommuneField  field)
{
  switch (field)
    {
    case SMT_COMMUNE_FIELD_NAME: return self->name_row;
    case SMT_COMMUNE_FIELD_PROVINCE: return self->province_row;
    case SMT_COMMUNE_FIELD_PLACE: return self->place_row;
    case SMT_COMMUNE_FIELD_SIGNER_TITLE: return self->signer_title_row;
    case SMT_COMMUNE_FIELD_SIGNER_NAME: return self->signer_name_row;
    case SMT_COMMUNE_FIELD_KIND:
    default: return NULL;
    }
}

static void
fill_commune (SmtSettingsView *self)
{
  CommuneValues *v = commune_values_read (self->reg);

  self->filling = TRUE;
  for (SmtCommuneField f = SMT_COMMUNE_FIELD_NAME; f <= SMT_COMMUNE_FIELD_SIGNER_NAME; f++)
    {
      AdwEntryRow *row = commune_row (self, f);

      if (row != NULL)
        {
          gtk_editable_set_text (GTK_EDITABLE (row), v->fields[f]);
          gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
        }
    }
  adw_combo_row_set_selected (self->kind_row,
                              index_of (commune_kinds, G_N_ELEMENTS (commune_kinds),
                                        v->fields[SMT_COMMUNE_FIELD_KIND]));
  self->filling = FALSE;
  commune_values_free (v);
}

/* Writes the commune with one field changed; the others as they are. */
static gboolean
save_commune (SmtSettingsView *self,
              SmtCommuneField  field,
              const char      *text,
              GtkWidget       *row)
{
  g_autoptr(GError) error = NULL;
  CommuneValues *before;
  CommuneValues *after;

  if (self->reg == NULL)
    return FALSE;
  before = commune_values_read (self->reg);
  if (g_strcmp0 (before->fields[field], text) == 0)
    {
      /* Nothing to write: the value typed is the one in the register. */
      commune_values_free (before);
      show_error (self->commune_error, NULL);
      if (row != NULL)
        gtk_widget_remove_css_class (row, "error");
      return TRUE;
    }
  after = commune_values_read (self->reg);
  g_free (after->fields[field]);
  after->fields[field] = g_strdup (text);
  if (!commune_values_write (self->reg, after, "", &error))
    {
      commune_values_free (before);
      commune_values_free (after);
      show_error (self->commune_error, error->message);
      if (row != NULL)
        {
          gtk_widget_add_css_class (row, "error");
          gtk_widget_grab_focus (row);
        }
      return FALSE;
    }
  commune_values_free (after);
  show_error (self->commune_error, NULL);
  if (row != NULL)
    gtk_widget_remove_css_class (row, "error");
  smt_view_record_change (GTK_WIDGET (self), _("Commune changed"), undo_commune, before,
                          commune_values_free);
  smt_view_update_title (GTK_WIDGET (self));
  return TRUE;
}

static void
on_commune_apply (SmtSettingsView *self,
                  AdwEntryRow     *row)
{
  for (SmtCommuneField f = SMT_COMMUNE_FIELD_NAME; f <= SMT_COMMUNE_FIELD_SIGNER_NAME; f++)
    if (commune_row (self, f) == row)
      {
        g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

        save_commune (self, f, text, GTK_WIDGET (row));
        return;
      }
}

static void
on_kind_changed (SmtSettingsView *self,
                 GParamSpec      *pspec,
                 AdwComboRow     *row)
{
  guint i = adw_combo_row_get_selected (row);

  if (self->filling || i >= G_N_ELEMENTS (commune_kinds))
    return;
  save_commune (self, SMT_COMMUNE_FIELD_KIND, commune_kinds[i], GTK_WIDGET (row));
}

/* ---- hamlets --------------------------------------------------------------------- */

typedef struct
{
  gint64  id;
  char   *name;
  char   *kind;
} HamletValues;

static void
hamlet_values_free (gpointer data)
{
  HamletValues *v = data;

  g_free (v->name);
  g_free (v->kind);
  g_free (v);
}

static HamletValues *
hamlet_values_new (const SmtHamletRow *h)
{
  HamletValues *v = g_new0 (HamletValues, 1);

  v->id = h->id;
  v->name = g_strdup (h->name);
  v->kind = g_strdup (h->kind);
  return v;
}

static gboolean
undo_hamlet_rename (SmtRegister  *reg,
                    gpointer      data,
                    GError      **error)
{
  const HamletValues *v = data;

  return smt_hamlet_rename (reg, v->id, v->name, v->kind, error);
}

/* A deleted hamlet comes back as a new one of the same name and kind. */
static gboolean
undo_hamlet_delete (SmtRegister  *reg,
                    gpointer      data,
                    GError      **error)
{
  const HamletValues *v = data;

  return smt_hamlet_add (reg, v->name, v->kind, error) != 0;
}

static const SmtHamletRow *
hamlet_of (SmtSettingsView *self,
           GtkWidget       *widget)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (widget), "hamlet-index"));

  if (self->hamlets == NULL || id < 1 || (guint) id > self->hamlets->len)
    return NULL;
  return g_ptr_array_index (self->hamlets, id - 1);
}

static gboolean
rename_hamlet (SmtSettingsView    *self,
               const SmtHamletRow *h,
               const char         *name,
               const char         *kind,
               GtkWidget          *row)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (g_strcmp0 (name, h->name) == 0 && g_strcmp0 (kind, h->kind) == 0)
    return TRUE;
  if (!smt_hamlet_rename (self->reg, h->id, name, kind, &error))
    {
      show_error (self->hamlet_error, error->message);
      gtk_widget_add_css_class (row, "error");
      return FALSE;
    }
  show_error (self->hamlet_error, NULL);
  /* Translators: a hamlet's new name */
  message = g_strdup_printf (_("Hamlet now called %s"), name);
  smt_view_record_change (GTK_WIDGET (self), message, undo_hamlet_rename,
                          hamlet_values_new (h), hamlet_values_free);
  return TRUE;
}

static void
on_hamlet_name_apply (SmtSettingsView *self,
                      AdwEntryRow     *row)
{
  const SmtHamletRow *h = hamlet_of (self, GTK_WIDGET (row));
  g_autofree char *name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

  if (h != NULL)
    rename_hamlet (self, h, name, h->kind, GTK_WIDGET (row));
}

static void
on_hamlet_kind_changed (SmtSettingsView *self,
                        GParamSpec      *pspec,
                        AdwComboRow     *row)
{
  const SmtHamletRow *h = hamlet_of (self, GTK_WIDGET (row));
  guint i = adw_combo_row_get_selected (row);
  g_autofree char *name = NULL;

  if (self->filling || h == NULL || i >= G_N_ELEMENTS (hamlet_kinds))
    return;
  name = g_strdup (h->name);
  rename_hamlet (self, h, name, hamlet_kinds[i], GTK_WIDGET (row));
}

static gboolean
delete_hamlet (SmtSettingsView    *self,
               const SmtHamletRow *h,
               GtkWidget          *row)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  HamletValues *before;

  if (!smt_hamlet_delete (self->reg, h->id, &error))
    {
      show_error (self->hamlet_error, error->message);
      if (row != NULL)
        gtk_widget_add_css_class (row, "error");
      return FALSE;
    }
  show_error (self->hamlet_error, NULL);
  before = hamlet_values_new (h);
  /* Translators: the name of the hamlet deleted */
  message = g_strdup_printf (_("Hamlet %s deleted"), before->name);
  smt_view_record_change (GTK_WIDGET (self), message, undo_hamlet_delete, before,
                          hamlet_values_free);
  return TRUE;
}

static void
on_hamlet_delete (SmtSettingsView *self,
                  GtkButton       *button)
{
  const SmtHamletRow *h = hamlet_of (self, GTK_WIDGET (button));

  if (h != NULL)
    delete_hamlet (self, h, gtk_widget_get_ancestor (GTK_WIDGET (button),
                                                      ADW_TYPE_EXPANDER_ROW));
}

static void
fill_hamlets (SmtSettingsView  *self,
              GPtrArray        *hamlets)
{
  list_clear (self->hamlet_list);
  g_clear_pointer (&self->hamlets, g_ptr_array_unref);
  self->hamlets = hamlets;
  if (hamlets == NULL)
    return;
  self->filling = TRUE;
  for (guint i = 0; i < hamlets->len; i++)
    {
      const SmtHamletRow *h = g_ptr_array_index (hamlets, i);
      g_autoptr(GtkStringList) kinds = string_list_new (hamlet_kinds,
                                                        G_N_ELEMENTS (hamlet_kinds));
      g_autofree char *households = smt_format_int (h->households);
      g_autofree char *people = smt_format_int (h->people);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *name_row = adw_entry_row_new ();
      GtkWidget *kind_row = adw_combo_row_new ();
      GtkWidget *delete_row;
      GtkWidget *button;
      gpointer index = GSIZE_TO_POINTER (i + 1);

      /* Translators: a hamlet's kind, households and people living there:
       * "ấp · 432 hộ · 1.535 người" */
      subtitle = g_strdup_printf (_("%s · %s households · %s people living there"), h->kind,
                                  households, people);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), h->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name_row), _("Name of the Hamlet"));
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (name_row), TRUE);
      gtk_editable_set_text (GTK_EDITABLE (name_row), h->name);
      g_object_set_data (G_OBJECT (name_row), "hamlet-index", index);
      g_signal_connect_object (name_row, "apply", G_CALLBACK (on_hamlet_name_apply), self,
                               G_CONNECT_SWAPPED);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), name_row);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (kind_row), _("Kind"));
      adw_combo_row_set_model (ADW_COMBO_ROW (kind_row), G_LIST_MODEL (kinds));
      adw_combo_row_set_selected (ADW_COMBO_ROW (kind_row),
                                  index_of (hamlet_kinds, G_N_ELEMENTS (hamlet_kinds), h->kind));
      g_object_set_data (G_OBJECT (kind_row), "hamlet-index", index);
      g_signal_connect_object (kind_row, "notify::selected", G_CALLBACK (on_hamlet_kind_changed),
                               self, G_CONNECT_SWAPPED);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), kind_row);

      delete_row = row_new (_("Delete This Hamlet"),
                            _("Only a hamlet no household or branch belongs to can be deleted; "
                              "rename it instead if it was merged."));
      button = suffix_button (delete_row, _("_Delete"));
      gtk_widget_add_css_class (button, "destructive-action");
      g_object_set_data (G_OBJECT (button), "hamlet-index", index);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_hamlet_delete), self,
                               G_CONNECT_SWAPPED);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), delete_row);

      g_object_set_data (G_OBJECT (row), "hamlet-id", GSIZE_TO_POINTER ((gsize) h->id));
      gtk_list_box_append (self->hamlet_list, row);
    }
  if (hamlets->len == 0)
    gtk_list_box_append (self->hamlet_list,
                         row_new (_("No hamlet yet"), _("Add the first one below.")));
  self->filling = FALSE;
}

static gboolean
add_hamlet (SmtSettingsView *self,
            const char      *name,
            const char      *kind)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (self->reg == NULL)
    return FALSE;
  if (smt_hamlet_add (self->reg, name, kind, &error) == 0)
    {
      show_error (self->hamlet_error, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->new_hamlet_row), "error");
      gtk_widget_grab_focus (GTK_WIDGET (self->new_hamlet_row));
      return FALSE;
    }
  show_error (self->hamlet_error, NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->new_hamlet_row), "error");
  gtk_editable_set_text (GTK_EDITABLE (self->new_hamlet_row), "");
  /* Translators: the name of the hamlet added */
  message = g_strdup_printf (_("Hamlet %s added"), name);
  /* A new hamlet is undone by nothing: deleting it would rewrite the record. */
  smt_view_record_change (GTK_WIDGET (self), message, NULL, NULL, NULL);
  return TRUE;
}

static void
on_hamlet_add (SmtSettingsView *self,
               AdwEntryRow     *row)
{
  g_autofree char *name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
  guint i = adw_combo_row_get_selected (self->new_hamlet_kind_row);

  add_hamlet (self, name, hamlet_kinds[i < G_N_ELEMENTS (hamlet_kinds) ? i : 0]);
}

/* ---- resolutions and targets -------------------------------------------------------- */

static const SmtResolutionRow *
selected_resolution (SmtSettingsView *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->resolution_list);
  int i = row != NULL ? gtk_list_box_row_get_index (row) : -1;

  if (i < 0 || self->resolutions == NULL || (guint) i >= self->resolutions->len)
    return NULL;
  return g_ptr_array_index (self->resolutions, i);
}

static char *
number_text (double value)
{
  return smt_format_decimal (value, 2);
}

static char *
indicator_text (const char *code)
{
  g_autofree char *organisation = NULL;
  const SmtIndicatorInfo *info = smt_catalogue_lookup (code, &organisation);

  if (info == NULL)
    return g_strdup (code);
  if (organisation != NULL)
    /* Translators: an indicator's name, then an organisation's code: "Tỷ lệ tập hợp (PN)" */
    return g_strdup_printf (_("%s (%s)"), smt_indicator_info_get_name (info), organisation);
  return g_strdup (smt_indicator_info_get_name (info));
}

static void on_edit_target (SmtSettingsView *self,
                            GtkButton       *button);
static void on_edit_resolution (SmtSettingsView *self,
                                GtkButton       *button);

static void
fill_targets (SmtSettingsView *self)
{
  const SmtResolutionRow *r = selected_resolution (self);
  g_autofree char *title = NULL;

  list_clear (self->target_list);
  gtk_widget_set_sensitive (self->add_target_button, r != NULL);
  if (r == NULL)
    {
      adw_preferences_group_set_title (self->targets_group, _("Targets"));
      gtk_list_box_append (self->target_list,
                           row_new (_("No resolution chosen"),
                                    _("Add a resolution above, then its targets.")));
      return;
    }
  /* Translators: the number of a resolution: "Targets of 06-NQ/TU" */
  title = g_strdup_printf (_("Targets of %s"), r->number);
  adw_preferences_group_set_title (self->targets_group, title);
  if (r->targets->len == 0)
    gtk_list_box_append (self->target_list,
                         row_new (_("No target yet"), _("Add the targets the resolution sets.")));
  for (guint i = 0; i < r->targets->len; i++)
    {
      const SmtTargetRow *t = g_ptr_array_index (r->targets, i);
      g_autoptr(GString) subtitle = g_string_new (NULL);
      g_autofree char *name = indicator_text (t->indicator_code);
      g_autofree char *target = number_text (t->target);
      g_autofree char *heading = g_strdup_printf ("%d. %s", t->position, t->label);
      GtkWidget *row;
      GtkWidget *button;

      /* Translators: indicator, then "≥ 82" or "≤ 1,5" */
      g_string_append_printf (subtitle, _("%s · target %s %s"), name,
                              t->at_most ? "≤" : "≥", target);
      if (t->has_baseline)
        {
          g_autofree char *baseline = number_text (t->baseline);

          /* Translators: the value before the resolution */
          g_string_append_printf (subtitle, _(" · before the resolution %s"), baseline);
          if (t->baseline_date != NULL)
            {
              g_autofree char *day = smt_date_to_display (t->baseline_date);

              g_string_append_printf (subtitle, " (%s)", day);
            }
        }
      if (t->scope != NULL && self->reg != NULL)
        {
          g_autoptr(SmtScope) scope = smt_scope_new (self->reg, t->scope, NULL);
          g_autofree char *words = scope != NULL ? smt_scope_describe (scope)
                                                 : g_strdup (t->scope);

          /* Translators: the organisations a target's figure counts */
          g_string_append_printf (subtitle, _(" · counts %s"), words);
        }
      if (t->deadline != NULL)
        {
          g_autofree char *day = smt_date_to_display (t->deadline);

          /* Translators: the deadline of a target */
          g_string_append_printf (subtitle, _(" · by %s"), day);
        }
      row = row_new (heading, subtitle->str);
      button = suffix_button (row, _("_Edit…"));
      g_object_set_data (G_OBJECT (button), "target-id", GSIZE_TO_POINTER (i + 1));
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_edit_target), self,
                               G_CONNECT_SWAPPED);
      gtk_list_box_append (self->target_list, row);
    }
}

static void
on_resolution_selected (SmtSettingsView *self,
                        GtkListBoxRow   *row)
{
  fill_targets (self);
}

static void
fill_resolutions (SmtSettingsView *self,
                  GPtrArray       *resolutions,
                  gint64           keep_id)
{
  GtkListBoxRow *chosen = NULL;

  g_signal_handlers_block_by_func (self->resolution_list, on_resolution_selected, self);
  list_clear (self->resolution_list);
  g_clear_pointer (&self->resolutions, g_ptr_array_unref);
  self->resolutions = resolutions;
  for (guint i = 0; resolutions != NULL && i < resolutions->len; i++)
    {
      const SmtResolutionRow *r = g_ptr_array_index (resolutions, i);
      g_autofree char *issued = smt_date_to_display (r->issued_on);
      g_autofree char *from = r->term_from ? smt_date_to_display (r->term_from) : NULL;
      g_autofree char *to = r->term_to ? smt_date_to_display (r->term_to) : NULL;
      g_autofree char *title = g_strdup_printf ("%s — %s", r->number, r->title);
      g_autofree char *count = smt_format_int (r->targets->len);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;
      GtkWidget *button;

      if (to != NULL)
        /* Translators: issuer, date of issue, term, number of targets */
        subtitle = g_strdup_printf (_("%s, %s · in force %s – %s · %s targets"), r->issuer,
                                    issued, from ? from : issued, to, count);
      else
        /* Translators: issuer, date of issue, start of the term, number of targets */
        subtitle = g_strdup_printf (_("%s, %s · in force from %s · %s targets"), r->issuer,
                                    issued, from ? from : issued, count);
      row = row_new (title, subtitle);
      button = suffix_button (row, _("_Correct…"));
      g_object_set_data (G_OBJECT (button), "resolution-index", GSIZE_TO_POINTER (i + 1));
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_edit_resolution), self,
                               G_CONNECT_SWAPPED);
      gtk_list_box_append (self->resolution_list, row);
      if (r->id == keep_id || (chosen == NULL && i == 0))
        chosen = GTK_LIST_BOX_ROW (row);
    }
  if (resolutions == NULL || resolutions->len == 0)
    {
      GtkWidget *row = row_new (_("No resolution yet"),
                                _("Add the resolutions and directives that set targets for "
                                  "the commune."));

      gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->resolution_list, row);
    }
  if (chosen != NULL)
    gtk_list_box_select_row (self->resolution_list, chosen);
  g_signal_handlers_unblock_by_func (self->resolution_list, on_resolution_selected, self);
  fill_targets (self);
}

typedef struct
{
  gint64  id;
  char   *fields[6];  /* number, title, issuer, issued_on, term_from, term_to */
} ResolutionValues;

static void
resolution_values_free (gpointer data)
{
  ResolutionValues *v = data;

  for (guint i = 0; i < G_N_ELEMENTS (v->fields); i++)
    g_free (v->fields[i]);
  g_free (v);
}

static ResolutionValues *
resolution_values_new (const SmtResolutionRow *r)
{
  ResolutionValues *v = g_new0 (ResolutionValues, 1);

  v->id = r->id;
  v->fields[0] = g_strdup (r->number);
  v->fields[1] = g_strdup (r->title);
  v->fields[2] = g_strdup (r->issuer);
  v->fields[3] = g_strdup (r->issued_on);
  v->fields[4] = g_strdup (r->term_from);
  v->fields[5] = g_strdup (r->term_to);
  return v;
}

static gboolean
undo_resolution (SmtRegister  *reg,
                 gpointer      data,
                 GError      **error)
{
  const ResolutionValues *v = data;

  return smt_resolution_update (reg, v->id, v->fields[0], v->fields[1], v->fields[2],
                                v->fields[3], v->fields[4], v->fields[5], UNDO_REASON, error);
}

static void
on_resolution_recorded (SmtSettingsView     *self,
                        gint64               key,
                        SmtResolutionDialog *dialog)
{
  ResolutionValues *before = g_object_steal_data (G_OBJECT (dialog), "before");

  if (before != NULL)
    smt_view_record_change (GTK_WIDGET (self), _("Resolution corrected"), undo_resolution,
                            before, resolution_values_free);
  else
    /* Nothing reverses a new resolution short of deleting it. */
    smt_view_record_change (GTK_WIDGET (self), _("Resolution added"), NULL, NULL, NULL);
  smt_settings_view_select_resolution (self, key);
}

static void
on_add_resolution (SmtSettingsView *self,
                   GtkButton       *button)
{
  smt_settings_view_open_resolution_dialog (self, 0);
}

static void
on_edit_resolution (SmtSettingsView *self,
                    GtkButton       *button)
{
  gsize i = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "resolution-index"));

  if (self->resolutions != NULL && i >= 1 && i <= self->resolutions->len)
    smt_settings_view_open_resolution_dialog (
        self, ((SmtResolutionRow *) g_ptr_array_index (self->resolutions, i - 1))->id);
}

typedef struct
{
  SmtTargetFields  fields;
  SmtTargetRow    *row;   /* owns the text fields point to */
} TargetValues;

static void
target_values_free (gpointer data)
{
  TargetValues *v = data;

  smt_target_row_free (v->row);
  g_free (v);
}

static TargetValues *
target_values_new (gint64              resolution_id,
                   const SmtTargetRow *t)
{
  TargetValues *v = g_new0 (TargetValues, 1);

  v->row = g_new0 (SmtTargetRow, 1);
  *v->row = *t;
  v->row->indicator_code = g_strdup (t->indicator_code);
  v->row->label = g_strdup (t->label);
  v->row->baseline_date = g_strdup (t->baseline_date);
  v->row->deadline = g_strdup (t->deadline);
  v->row->scope = g_strdup (t->scope);
  v->fields = (SmtTargetFields) {
    .resolution_id = resolution_id, .indicator_code = v->row->indicator_code,
    .position = t->position, .label = v->row->label, .has_baseline = t->has_baseline,
    .baseline = t->baseline, .baseline_date = v->row->baseline_date, .target = t->target,
    .at_most = t->at_most, .deadline = v->row->deadline, .scope = v->row->scope,
  };
  return v;
}

static gboolean
undo_target (SmtRegister  *reg,
             gpointer      data,
             GError      **error)
{
  const TargetValues *v = data;

  return smt_target_set (reg, &v->fields, error) != 0;
}

static void
on_target_recorded (SmtSettingsView *self,
                    gint64           key,
                    SmtTargetDialog *dialog)
{
  TargetValues *before = g_object_get_data (G_OBJECT (dialog), "before");

  if (before != NULL)
    {
      g_object_steal_data (G_OBJECT (dialog), "before");
      smt_view_record_change (GTK_WIDGET (self), _("Target changed"), undo_target, before,
                              target_values_free);
    }
  else
    smt_view_record_change (GTK_WIDGET (self), _("Target added"), NULL, NULL, NULL);
}

static void
on_add_target (SmtSettingsView *self,
               GtkButton       *button)
{
  smt_settings_view_open_target_dialog (self, 0);
}

static void
on_edit_target (SmtSettingsView *self,
                GtkButton       *button)
{
  const SmtResolutionRow *r = selected_resolution (self);
  gsize i = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "target-id"));

  if (r != NULL && i >= 1 && i <= r->targets->len)
    smt_settings_view_open_target_dialog (self,
                                          ((SmtTargetRow *) g_ptr_array_index (r->targets,
                                                                               i - 1))->id);
}

/* ---- officers ------------------------------------------------------------------------ */

static void on_end_term (SmtSettingsView *self,
                         GtkButton       *button);

static char *
officer_subtitle (const SmtOfficerRow *o)
{
  g_autofree char *from = smt_date_to_display (o->from_date);
  g_autofree char *term = NULL;

  if (o->to_date != NULL)
    {
      g_autofree char *to = smt_date_to_display (o->to_date);

      term = g_strdup_printf ("%s – %s", from, to);
    }
  else
    /* Translators: the first day of a term still running */
    term = g_strdup_printf (_("since %s"), from);
  /* Translators: role, organisation, term, political and professional training */
  return g_strdup_printf (_("%s, %s · %s · %s; %s"), smt_officer_role_label (o->role),
                          o->organisation, term,
                          smt_officer_political_level_label (o->political_level),
                          smt_officer_professional_level_label (o->professional_level));
}

static void
fill_officers (SmtSettingsView *self,
               GPtrArray       *officers)
{
  GtkWidget *past = NULL;
  guint n_past = 0;

  list_clear (self->officer_list);
  g_clear_pointer (&self->officers, g_ptr_array_unref);
  self->officers = officers;
  for (guint i = 0; officers != NULL && i < officers->len; i++)
    {
      const SmtOfficerRow *o = g_ptr_array_index (officers, i);
      g_autofree char *subtitle = officer_subtitle (o);
      GtkWidget *row = row_new (o->full_name, subtitle);

      if (o->current)
        {
          GtkWidget *button = suffix_button (row, _("End _Term…"));

          g_object_set_data (G_OBJECT (button), "officer-index", GSIZE_TO_POINTER (i + 1));
          g_signal_connect_object (button, "clicked", G_CALLBACK (on_end_term), self,
                                   G_CONNECT_SWAPPED);
          gtk_list_box_append (self->officer_list, row);
          continue;
        }
      if (past == NULL)
        {
          past = adw_expander_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (past), _("Past Terms"));
        }
      adw_expander_row_add_row (ADW_EXPANDER_ROW (past), row);
      n_past++;
    }
  if (officers == NULL || officers->len == n_past)
    gtk_list_box_prepend (self->officer_list,
                          row_new (_("No officer in office"),
                                   _("Add the heads and deputies of the Mặt trận and of each "
                                     "organisation.")));
  if (past != NULL)
    {
      g_autofree char *count = smt_format_int (n_past);
      /* Translators: the number of past terms of office */
      g_autofree char *subtitle = g_strdup_printf (_("%s terms that have ended"), count);

      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (past), subtitle);
      gtk_list_box_append (self->officer_list, past);
    }
}

static void
on_officer_recorded (SmtSettingsView  *self,
                     gint64            key,
                     SmtOfficerDialog *dialog)
{
  gboolean ending = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "ending"));

  /* No record reverses a term's start or end: nothing to undo. */
  smt_view_record_change (GTK_WIDGET (self), ending ? _("Term ended") : _("Officer added"),
                          NULL, NULL, NULL);
}

/* The rating scales: the dialog Đánh giá opens, for every organisation
 * from next year. */
static void
on_scales_activated (SmtSettingsView *self)
{
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  SmtScalesDialog *dialog;
  int year;

  if (self->reg == NULL)
    return;
  year = (int) g_ascii_strtoll (smt_register_get_today (self->reg), NULL, 10) + 1;
  dialog = smt_scales_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->reg, 0,
                                  year, &error);
  if (dialog == NULL)
    {
      GtkWidget *message = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                       : NULL,
                                                   _("Cannot Show the Rating Scales"),
                                                   error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
      return;
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_add_officer (SmtSettingsView *self,
                GtkButton       *button)
{
  smt_settings_view_open_officer_dialog (self, 0);
}

static void
on_end_term (SmtSettingsView *self,
             GtkButton       *button)
{
  gsize i = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "officer-index"));

  if (self->officers != NULL && i >= 1 && i <= self->officers->len)
    smt_settings_view_open_officer_dialog (self,
                                           ((SmtOfficerRow *) g_ptr_array_index (self->officers,
                                                                                 i - 1))->id);
}

/* ---- language ---------------------------------------------------------------------- */

static void
on_language_changed (SmtSettingsView *self,
                     GParamSpec      *pspec,
                     AdwComboRow     *row)
{
  g_autoptr(GError) error = NULL;

  if (self->filling)
    return;
  if (!smt_locale_set_language (adw_combo_row_get_selected (row) == 1 ? "en" : "vi",
                                     &error))
    show_error (self->language_error, error->message);
  else
    show_error (self->language_error, NULL);
}

/* ---- public ------------------------------------------------------------------------- */

gboolean
smt_settings_view_refresh (SmtSettingsView  *self,
                           SmtRegister      *reg,
                           GError          **error)
{
  g_autoptr(GPtrArray) hamlets = NULL;
  g_autoptr(GPtrArray) resolutions = NULL;
  g_autoptr(GPtrArray) officers = NULL;
  const SmtResolutionRow *chosen;
  gint64 keep_id = 0;

  g_return_val_if_fail (SMT_IS_SETTINGS_VIEW (self), FALSE);
  g_return_val_if_fail (reg == NULL || SMT_IS_REGISTER (reg), FALSE);

  if (reg != NULL && reg == self->reg && (chosen = selected_resolution (self)) != NULL)
    keep_id = chosen->id;
  if (reg != self->reg)
    {
      show_error (self->commune_error, NULL);
      show_error (self->hamlet_error, NULL);
    }
  g_set_object (&self->reg, reg);
  if (reg == NULL)
    {
      fill_hamlets (self, NULL);
      fill_resolutions (self, NULL, 0);
      fill_officers (self, NULL);
      return TRUE;
    }
  if ((hamlets = smt_settings_hamlets (reg, error)) == NULL
      || (resolutions = smt_settings_resolutions (reg, error)) == NULL
      || (officers = smt_settings_officers (reg, TRUE, error)) == NULL)
    return FALSE;
  fill_commune (self);
  fill_hamlets (self, g_steal_pointer (&hamlets));
  fill_resolutions (self, g_steal_pointer (&resolutions), keep_id);
  fill_officers (self, g_steal_pointer (&officers));
  return TRUE;
}

gboolean
smt_settings_view_apply_commune (SmtSettingsView *self,
                                 SmtCommuneField  field,
                                 const char      *text)
{
  AdwEntryRow *row;

  g_return_val_if_fail (SMT_IS_SETTINGS_VIEW (self), FALSE);

  if (field == SMT_COMMUNE_FIELD_KIND)
    {
      guint i = index_of (commune_kinds, G_N_ELEMENTS (commune_kinds), text);

      if (g_strcmp0 (commune_kinds[i], text) != 0)
        return save_commune (self, field, text, GTK_WIDGET (self->kind_row));
      adw_combo_row_set_selected (self->kind_row, i);
      return gtk_widget_get_visible (GTK_WIDGET (self->commune_error)) == FALSE;
    }
  row = commune_row (self, field);
  g_return_val_if_fail (row != NULL, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  return save_commune (self, field, text, GTK_WIDGET (row));
}

const char *
smt_settings_view_get_commune_error (SmtSettingsView *self)
{
  g_return_val_if_fail (SMT_IS_SETTINGS_VIEW (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->commune_error)))
    return NULL;
  return gtk_label_get_text (self->commune_error);
}

gboolean
smt_settings_view_add_hamlet (SmtSettingsView *self,
                              const char      *name,
                              const char      *kind)
{
  guint i;

  g_return_val_if_fail (SMT_IS_SETTINGS_VIEW (self), FALSE);

  i = index_of (hamlet_kinds, G_N_ELEMENTS (hamlet_kinds), kind);
  adw_combo_row_set_selected (self->new_hamlet_kind_row, i);
  gtk_editable_set_text (GTK_EDITABLE (self->new_hamlet_row), name);
  return add_hamlet (self, name, hamlet_kinds[i]);
}

gboolean
smt_settings_view_rename_hamlet (SmtSettingsView *self,
                                 gint64           hamlet_id,
                                 const char      *name,
                                 const char      *kind)
{
  g_return_val_if_fail (SMT_IS_SETTINGS_VIEW (self), FALSE);

  for (guint i = 0; self->hamlets != NULL && i < self->hamlets->len; i++)
    {
      const SmtHamletRow *h = g_ptr_array_index (self->hamlets, i);

      if (h->id == hamlet_id)
        return rename_hamlet (self, h, name, kind,
                              GTK_WIDGET (gtk_list_box_get_row_at_index (self->hamlet_list, i)));
    }
  return FALSE;
}

gboolean
smt_settings_view_delete_hamlet (SmtSettingsView *self,
                                 gint64           hamlet_id)
{
  g_return_val_if_fail (SMT_IS_SETTINGS_VIEW (self), FALSE);

  for (guint i = 0; self->hamlets != NULL && i < self->hamlets->len; i++)
    {
      const SmtHamletRow *h = g_ptr_array_index (self->hamlets, i);

      if (h->id == hamlet_id)
        return delete_hamlet (self, h,
                              GTK_WIDGET (gtk_list_box_get_row_at_index (self->hamlet_list, i)));
    }
  return FALSE;
}

const char *
smt_settings_view_get_hamlet_error (SmtSettingsView *self)
{
  g_return_val_if_fail (SMT_IS_SETTINGS_VIEW (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->hamlet_error)))
    return NULL;
  return gtk_label_get_text (self->hamlet_error);
}

GArray *
smt_settings_view_dup_hamlet_ids (SmtSettingsView *self)
{
  GArray *ids;

  g_return_val_if_fail (SMT_IS_SETTINGS_VIEW (self), NULL);

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->hamlet_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      gint64 id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "hamlet-id"));

      if (id != 0)
        g_array_append_val (ids, id);
    }
  return ids;
}

gboolean
smt_settings_view_select_resolution (SmtSettingsView *self,
                                     gint64           resolution_id)
{
  g_return_val_if_fail (SMT_IS_SETTINGS_VIEW (self), FALSE);

  for (guint i = 0; self->resolutions != NULL && i < self->resolutions->len; i++)
    if (((const SmtResolutionRow *) g_ptr_array_index (self->resolutions, i))->id
        == resolution_id)
      {
        gtk_list_box_select_row (self->resolution_list,
                                 gtk_list_box_get_row_at_index (self->resolution_list, i));
        return TRUE;
      }
  return FALSE;
}

guint
smt_settings_view_get_n_targets (SmtSettingsView *self)
{
  const SmtResolutionRow *r;

  g_return_val_if_fail (SMT_IS_SETTINGS_VIEW (self), 0);
  r = selected_resolution (self);
  return r != NULL ? r->targets->len : 0;
}

GtkWindow *
smt_settings_view_open_resolution_dialog (SmtSettingsView *self,
                                          gint64           resolution_id)
{
  SmtResolutionDialog *dialog = NULL;

  g_return_val_if_fail (SMT_IS_SETTINGS_VIEW (self), NULL);
  if (self->reg == NULL)
    return NULL;
  if (resolution_id == 0)
    dialog = smt_resolution_dialog_new (parent_window (self), self->reg);
  for (guint i = 0; resolution_id != 0 && self->resolutions != NULL
                    && i < self->resolutions->len; i++)
    {
      const SmtResolutionRow *r = g_ptr_array_index (self->resolutions, i);

      if (r->id == resolution_id)
        {
          dialog = smt_resolution_dialog_new_edit (parent_window (self), self->reg, r);
          g_object_set_data_full (G_OBJECT (dialog), "before", resolution_values_new (r),
                                  resolution_values_free);
        }
    }
  if (dialog == NULL)
    return NULL;
  g_signal_connect_object (dialog, "recorded", G_CALLBACK (on_resolution_recorded), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

GtkWindow *
smt_settings_view_open_target_dialog (SmtSettingsView *self,
                                      gint64           target_id)
{
  const SmtResolutionRow *r;
  const SmtTargetRow *existing = NULL;
  SmtTargetDialog *dialog;

  g_return_val_if_fail (SMT_IS_SETTINGS_VIEW (self), NULL);
  if (self->reg == NULL || (r = selected_resolution (self)) == NULL)
    return NULL;
  for (guint i = 0; target_id != 0 && i < r->targets->len; i++)
    if (((const SmtTargetRow *) g_ptr_array_index (r->targets, i))->id == target_id)
      existing = g_ptr_array_index (r->targets, i);
  if (target_id != 0 && existing == NULL)
    return NULL;
  dialog = smt_target_dialog_new (parent_window (self), self->reg, r->id, r->number, existing,
                                  r->targets->len);
  if (existing != NULL)
    g_object_set_data_full (G_OBJECT (dialog), "before", target_values_new (r->id, existing),
                            target_values_free);
  g_signal_connect_object (dialog, "recorded", G_CALLBACK (on_target_recorded), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

GtkWindow *
smt_settings_view_open_officer_dialog (SmtSettingsView *self,
                                       gint64           officer_id)
{
  g_autoptr(GError) error = NULL;
  SmtOfficerDialog *dialog = NULL;

  g_return_val_if_fail (SMT_IS_SETTINGS_VIEW (self), NULL);
  if (self->reg == NULL)
    return NULL;
  if (officer_id == 0)
    {
      dialog = smt_officer_dialog_new_add (parent_window (self), self->reg, &error);
      if (dialog == NULL)
        {
          g_warning ("Cannot list the organisations: %s", error->message);
          return NULL;
        }
    }
  for (guint i = 0; officer_id != 0 && self->officers != NULL && i < self->officers->len; i++)
    {
      const SmtOfficerRow *o = g_ptr_array_index (self->officers, i);

      if (o->id == officer_id && o->current)
        {
          dialog = smt_officer_dialog_new_end (parent_window (self), self->reg, o);
          g_object_set_data (G_OBJECT (dialog), "ending", GINT_TO_POINTER (TRUE));
        }
    }
  if (dialog == NULL)
    return NULL;
  g_signal_connect_object (dialog, "recorded", G_CALLBACK (on_officer_recorded), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

void
smt_settings_view_choose_language (SmtSettingsView *self,
                                   const char      *code)
{
  g_return_if_fail (SMT_IS_SETTINGS_VIEW (self));
  adw_combo_row_set_selected (self->language_row, g_strcmp0 (code, "en") == 0 ? 1 : 0);
}

void
smt_settings_view_scroll_to (SmtSettingsView *self,
                             const char      *group)
{
  GtkWidget *target;
  GtkWidget *content;
  GtkAdjustment *adj;
  double x = 0, y = 0;

  g_return_if_fail (SMT_IS_SETTINGS_VIEW (self));

  target = g_strcmp0 (group, "officers") == 0 ? self->officers_group : self->resolutions_group;
  /* The viewport keeps the focus in sight: move it there first. */
  gtk_widget_child_focus (target, GTK_DIR_TAB_FORWARD);
  /* The viewport's child: coordinates in the whole page, not in the part shown. */
  content = gtk_widget_get_first_child (gtk_scrolled_window_get_child (self->scrolled));
  adj = gtk_scrolled_window_get_vadjustment (self->scrolled);
  if (gtk_widget_translate_coordinates (target, content, 0, 0, &x, &y))
    gtk_adjustment_set_value (adj, y);
}

/* ---- object ------------------------------------------------------------------------- */

static void
smt_settings_view_dispose (GObject *object)
{
  SmtSettingsView *self = SMT_SETTINGS_VIEW (object);
  GtkWidget *child;

  if (self->resolution_list != NULL)
    g_signal_handlers_disconnect_by_data (self->resolution_list, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SMT_TYPE_SETTINGS_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->hamlets, g_ptr_array_unref);
  g_clear_pointer (&self->resolutions, g_ptr_array_unref);
  g_clear_pointer (&self->officers, g_ptr_array_unref);
  g_clear_object (&self->reg);

  G_OBJECT_CLASS (smt_settings_view_parent_class)->dispose (object);
}

static void
smt_settings_view_class_init (SmtSettingsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = smt_settings_view_dispose;

  smt_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
      "/io/github/somattran/SoMatTran/smt-settings-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SmtSettingsView, scrolled);
  gtk_widget_class_bind_template_child (widget_class, SmtSettingsView, name_row);
  gtk_widget_class_bind_template_child (widget_class, SmtSettingsView, kind_row);
  gtk_widget_class_bind_template_child (widget_class, SmtSettingsView, province_row);
  gtk_widget_class_bind_template_child (widget_class, SmtSettingsView, place_row);
  gtk_widget_class_bind_template_child (widget_class, SmtSettingsView, signer_title_row);
  gtk_widget_class_bind_template_child (widget_class, SmtSettingsView, signer_name_row);
  gtk_widget_class_bind_template_child (widget_class, SmtSettingsView, commune_error);
  gtk_widget_class_bind_template_child (widget_class, SmtSettingsView, hamlet_list);
  gtk_widget_class_bind_template_child (widget_class, SmtSettingsView, new_hamlet_row);
  gtk_widget_class_bind_template_child (widget_class, SmtSettingsView, new_hamlet_kind_row);
  gtk_widget_class_bind_template_child (widget_class, SmtSettingsView, hamlet_error);
  gtk_widget_class_bind_template_child (widget_class, SmtSettingsView, resolutions_group);
  gtk_widget_class_bind_template_child (widget_class, SmtSettingsView, resolution_list);
  gtk_widget_class_bind_template_child (widget_class, SmtSettingsView, targets_group);
  gtk_widget_class_bind_template_child (widget_class, SmtSettingsView, add_target_button);
  gtk_widget_class_bind_template_child (widget_class, SmtSettingsView, target_list);
  gtk_widget_class_bind_template_child (widget_class, SmtSettingsView, officers_group);
  gtk_widget_class_bind_template_child (widget_class, SmtSettingsView, officer_list);
  gtk_widget_class_bind_template_child (widget_class, SmtSettingsView, language_row);
  gtk_widget_class_bind_template_child (widget_class, SmtSettingsView, language_error);
  gtk_widget_class_bind_template_callback (widget_class, on_commune_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_hamlet_add);
  gtk_widget_class_bind_template_callback (widget_class, on_resolution_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_add_resolution);
  gtk_widget_class_bind_template_callback (widget_class, on_add_target);
  gtk_widget_class_bind_template_callback (widget_class, on_add_officer);
  gtk_widget_class_bind_template_callback (widget_class, on_scales_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_language_changed);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
smt_settings_view_init (SmtSettingsView *self)
{
  g_autoptr(GtkStringList) kinds = string_list_new (hamlet_kinds, G_N_ELEMENTS (hamlet_kinds));
  g_autofree char *language = NULL;

  self->filling = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  adw_combo_row_set_model (self->new_hamlet_kind_row, G_LIST_MODEL (kinds));
  language = smt_locale_dup_language ();
  adw_combo_row_set_selected (self->language_row, g_strcmp0 (language, "en") == 0 ? 1 : 0);
  self->filling = FALSE;
}

GtkWidget *
smt_settings_view_new (void)
{
  return g_object_new (SMT_TYPE_SETTINGS_VIEW, NULL);
}

/* The same register again is a change: keep the resolution chosen. */
static gboolean
smt_settings_view_view_refresh (SmtView      *view,
                                SmtRegister  *reg,
                                GError      **error)
{
  return smt_settings_view_refresh (SMT_SETTINGS_VIEW (view), reg, error);
}

static void
smt_settings_view_view_init (SmtViewInterface *iface)
{
  iface->refresh = smt_settings_view_view_refresh;
}
