/* smt-person-item.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n.h>

#include "smt-person-item.h"

/* One row of the people list, as the list shows it. Read-only: a new query
 * makes new items. */
struct _SmtPersonItem
{
  GObject  parent_instance;

  gint64   id;
  char    *full_name;
  char    *hamlet;
  char    *organisations;
  int      birth_year;
  char     sex;
  gboolean deceased;
};

G_DEFINE_FINAL_TYPE (SmtPersonItem, smt_person_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_FULL_NAME,
  PROP_BIRTH_YEAR,
  PROP_SEX_LABEL,
  PROP_HAMLET,
  PROP_ORGANISATIONS,
  PROP_DECEASED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
smt_person_item_finalize (GObject *object)
{
  SmtPersonItem *self = (SmtPersonItem *) object;

  g_clear_pointer (&self->full_name, g_free);
  g_clear_pointer (&self->hamlet, g_free);
  g_clear_pointer (&self->organisations, g_free);

  G_OBJECT_CLASS (smt_person_item_parent_class)->finalize (object);
}

static void
smt_person_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SmtPersonItem *self = SMT_PERSON_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_FULL_NAME:
      g_value_set_string (value, self->full_name);
      break;

    case PROP_BIRTH_YEAR:
      g_value_set_int (value, self->birth_year);
      break;

    case PROP_SEX_LABEL:
      g_value_set_string (value, smt_person_item_get_sex_label (self));
      break;

    case PROP_HAMLET:
      g_value_set_string (value, self->hamlet);
      break;

    case PROP_ORGANISATIONS:
      g_value_set_string (value, self->organisations);
      break;

    case PROP_DECEASED:
      g_value_set_boolean (value, self->deceased);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
smt_person_item_class_init (SmtPersonItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = smt_person_item_finalize;
  object_class->get_property = smt_person_item_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FULL_NAME] =
    g_param_spec_string ("full-name", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BIRTH_YEAR] =
    g_param_spec_int ("birth-year", NULL, NULL,
                      0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEX_LABEL] =
    g_param_spec_string ("sex-label", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAMLET] =
    g_param_spec_string ("hamlet", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORGANISATIONS] =
    g_param_spec_string ("organisations", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DECEASED] =
    g_param_spec_boolean ("deceased", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
smt_person_item_init (SmtPersonItem *self)
{
}

/**
 * smt_person_item_new:
 * @row: a row from smt_people_fetch_rows()
 *
 * Returns: (transfer full): an item holding copies of the row's fields
 */
SmtPersonItem *
smt_person_item_new (const SmtPersonRow *row)
{
  SmtPersonItem *self;

  g_return_val_if_fail (row != NULL, NULL);

  self = g_object_new (SMT_TYPE_PERSON_ITEM, NULL);
  self->id = row->id;
  self->full_name = g_strdup (row->full_name ? row->full_name : "");
  self->hamlet = g_strdup (row->hamlet ? row->hamlet : "");
  self->organisations = g_strdup (row->organisations ? row->organisations : "");
  self->birth_year = MAX (row->birth_year, 0);
  self->sex = row->sex;
  self->deceased = row->deceased;

  return self;
}

gint64
smt_person_item_get_id (SmtPersonItem *self)
{
  g_return_val_if_fail (SMT_IS_PERSON_ITEM (self), 0);
  return self->id;
}

const char *
smt_person_item_get_full_name (SmtPersonItem *self)
{
  g_return_val_if_fail (SMT_IS_PERSON_ITEM (self), NULL);
  return self->full_name;
}

/* 0 when the register does not know the year. */
int
smt_person_item_get_birth_year (SmtPersonItem *self)
{
  g_return_val_if_fail (SMT_IS_PERSON_ITEM (self), 0);
  return self->birth_year;
}

/* "Nam" / "Nữ" in Vietnamese; "" when the sex is not recorded. */
const char *
smt_person_item_get_sex_label (SmtPersonItem *self)
{
  g_return_val_if_fail (SMT_IS_PERSON_ITEM (self), NULL);

  switch (self->sex)
    {
    case 'M':
      return C_("sex", "Male");
    case 'F':
      return C_("sex", "Female");
    default:
      return "";
    }
}

const char *
smt_person_item_get_hamlet (SmtPersonItem *self)
{
  g_return_val_if_fail (SMT_IS_PERSON_ITEM (self), NULL);
  return self->hamlet;
}

const char *
smt_person_item_get_organisations (SmtPersonItem *self)
{
  g_return_val_if_fail (SMT_IS_PERSON_ITEM (self), NULL);
  return self->organisations;
}

gboolean
smt_person_item_get_deceased (SmtPersonItem *self)
{
  g_return_val_if_fail (SMT_IS_PERSON_ITEM (self), FALSE);
  return self->deceased;
}
