/* test-people-query.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>
#include <string.h>

#include "core/demo/smt-demo.h"
#include "core/organisations/smt-membership.h"
#include "core/organisations/smt-organisations.h"
#include "core/people/smt-people-query.h"
#include "core/people/smt-people.h"
#include "core/register/smt-text.h"
#include "smt-test-util.h"

/* The expected order, worked out by hand from the Vietnamese rules: by tên
 * (letters a ă â b c d đ e ê … o ô ơ u ư …; then tones ngang, huyền, hỏi,
 * ngã, sắc, nặng), then chữ lót (an empty one first), then họ. */
static const char *expected[] = {
  "Nguyễn Thị An",      /* An: lót Thị < Văn */
  "Lê Văn An",          /* same lót: họ Lê < Trần */
  "Trần Văn An",
  "Phạm Anh",           /* An < Anh; empty chữ lót first */
  "Nguyễn Văn Anh",
  "Đỗ Thị Ánh",         /* Anh < Ánh: sắc after ngang */
  "Võ Ngọc Ân",         /* a < â */
  "Nguyễn Văn Ân",
  "Hồ Thị Bích",        /* c < n */
  "Trần Thị Bình",
  "Bùi Văn Bình",
  "Nguyễn Thị Chi",     /* h < ư */
  "Lý Văn Cường",
  "Đặng Thị Diễm",      /* i < u */
  "Phan Thị Dung",      /* Dung < Dũng */
  "Đặng Văn Dũng",
  "Dương Văn Đạt",      /* d < đ */
  "Nguyễn Minh Đức",
  "Trần Văn Hải",       /* Hải < Hạnh (i < n) < Hằng (a < ă) */
  "Nguyễn Thị Hạnh",
  "Lê Thị Hằng",
  "Ngô Văn Hùng",
  "Nguyễn Thị Lan",
  "Phạm Thị Lệ",        /* lót "Thị" < "Thị Mỹ" */
  "Nguyễn Thị Mỹ Lệ",
  "Bùi Văn Long",
  "Nguyễn Văn Nam",     /* a < g */
  "Huỳnh Thị Ngọc",
  "Trương Thị Oanh",    /* o < ơ */
  "Vũ Văn Ơn",
  "Hoàng Văn Sơn",
  "Dương Văn Tài",      /* họ Dương < Đinh < Đỗ */
  "Đinh Văn Tài",
  "Đỗ Văn Tài",
  "Đinh Thị Thảo",      /* a < h; Thảo < Thu */
  "Nguyễn Thị Thu",
  "Lê Văn Thư",         /* u < ư */
  "Nguyễn Thị Yến",
};

static SmtTestRegister *
register_with_names (void)
{
  SmtTestRegister *t = smt_test_register_new ();
  guint n = G_N_ELEMENTS (expected);

  /* inserted in a scrambled order: 7 is coprime with 38 */
  for (guint k = 0; k < n; k++)
    {
      guint i = (k * 7 + 3) % n;
      g_autofree char *ho = NULL;
      g_autofree char *lot = NULL;
      g_autofree char *ten = NULL;
      g_autofree char *nfd = NULL;
      g_autoptr(GError) error = NULL;
      SmtPersonFields f = { 0 };

      smt_text_split_name (expected[i], &ho, &lot, &ten);
      /* every third name typed decomposed, as some keyboards do */
      if (k % 3 == 0)
        {
          nfd = g_utf8_normalize (ten, -1, G_NORMALIZE_NFD);
          g_free (ten);
          ten = g_steal_pointer (&nfd);
        }
      f.ho = ho;
      f.chu_lot = lot;
      f.ten = ten;
      f.sex = g_str_has_prefix (lot, "Thị") ? SMT_SEX_FEMALE : SMT_SEX_MALE;
      f.birth_year = 1950 + (int) i;
      g_assert_cmpint (smt_person_add (t->reg, &f, &error), !=, 0);
      g_assert_no_error (error);
    }
  return t;
}

static GPtrArray *
names_for (SmtRegister *reg,
           const char  *search)
{
  g_autoptr(GError) error = NULL;
  SmtPeopleFilter filter = { .search = search };
  g_autoptr(GArray) ids = smt_people_query_ids (reg, &filter, &error);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  SmtPersonRow *rows;

  g_assert_no_error (error);
  rows = g_new0 (SmtPersonRow, MAX (ids->len, 1));
  g_assert_true (smt_people_fetch_rows (reg, (gint64 *) ids->data, ids->len, NULL, rows,
                                        &error));
  for (guint i = 0; i < ids->len; i++)
    {
      g_ptr_array_add (names, g_strdup (rows[i].full_name));
      smt_person_row_clear (&rows[i]);
    }
  g_free (rows);
  return names;
}

static void
test_vietnamese_order (void)
{
  SmtTestRegister *t = register_with_names ();
  g_autoptr(GPtrArray) names = names_for (t->reg, NULL);

  g_assert_cmpuint (names->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < names->len; i++)
    g_assert_cmpstr (g_ptr_array_index (names, i), ==, expected[i]);
  g_assert_cmpuint (smt_people_count (t->reg), ==, G_N_ELEMENTS (expected));
  smt_test_register_free (t);
}

static gboolean
contains (GPtrArray  *names,
          const char *name)
{
  for (guint i = 0; i < names->len; i++)
    if (g_strcmp0 (g_ptr_array_index (names, i), name) == 0)
      return TRUE;
  return FALSE;
}

static void
test_folded_search (void)
{
  static const struct { const char *query; const char *must_find[4]; guint count; } cases[] = {
    { "nguyen van an", { "Nguyễn Văn Ân", "Nguyễn Văn Anh" }, 2 },
    { "Nguyễn Văn Ân", { "Nguyễn Văn Ân", "Nguyễn Văn Anh" }, 2 },
    { "dang", { "Đặng Thị Diễm", "Đặng Văn Dũng" }, 2 },
    { "ĐẶNG", { "Đặng Thị Diễm", "Đặng Văn Dũng" }, 2 },
    { "  dung ", { "Phan Thị Dung", "Đặng Văn Dũng" }, 2 },
    { "my le", { "Nguyễn Thị Mỹ Lệ" }, 1 },
    { "thu", { "Nguyễn Thị Thu", "Lê Văn Thư" }, 2 },
    { "zzz", { NULL }, 0 },
  };
  SmtTestRegister *t = register_with_names ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) names = names_for (t->reg, cases[i].query);
      g_autofree char *folded_query = smt_text_fold (cases[i].query);

      g_test_message ("query: %s", cases[i].query);
      g_assert_cmpuint (names->len, ==, cases[i].count);
      for (guint k = 0; cases[i].must_find[k] != NULL; k++)
        g_assert_true (contains (names, cases[i].must_find[k]));
      for (guint k = 0; k < names->len; k++)
        {
          g_autofree char *folded = smt_text_fold (g_ptr_array_index (names, k));

          g_assert_nonnull (strstr (folded, folded_query));
        }
    }
  smt_test_register_free (t);
}

static void
test_filters (void)
{
  SmtTestRegister *t = register_with_names ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) all = smt_people_query_ids (t->reg, NULL, &error);
  gint64 h1 = smt_hamlet_add (t->reg, "Ấp 1", "ấp", &error);
  gint64 h2 = smt_hamlet_add (t->reg, "Ấp 2", "ấp", &error);
  gint64 home1 = smt_household_add (t->reg, h1, "Tổ 1", NULL, &error);
  gint64 home2 = smt_household_add (t->reg, h2, "Tổ 2", NULL, &error);
  SmtPeopleFilter in_h1 = { .hamlet_id = h1 };
  SmtPeopleFilter in_h2 = { .hamlet_id = h2 };
  SmtPeopleFilter living = { .living_only = TRUE };
  SmtPeopleFilter living_an = { .search = "an", .living_only = TRUE };
  g_autoptr(GArray) got = NULL;

  /* people 0..9 live in hamlet 1, 10..19 in hamlet 2; person 3 moves to
   * hamlet 2, person 4 leaves the commune, person 5 dies */
  for (guint i = 0; i < 20; i++)
    g_assert_cmpint (smt_residence_move (t->reg, g_array_index (all, gint64, i),
                                         i < 10 ? home1 : home2, "2010-01-01", FALSE, NULL,
                                         &error), !=, 0);
  g_assert_cmpint (smt_residence_move (t->reg, g_array_index (all, gint64, 3), home2,
                                       "2020-01-01", FALSE, NULL, &error), !=, 0);
  g_assert_cmpint (smt_residence_move (t->reg, g_array_index (all, gint64, 4), 0,
                                       "2021-01-01", FALSE, NULL, &error), !=, 0);
  g_assert_true (smt_person_record_death (t->reg, g_array_index (all, gint64, 5), "2022-01-01",
                                          NULL, &error));
  g_assert_no_error (error);

  got = smt_people_query_ids (t->reg, &in_h1, &error);
  g_assert_cmpuint (got->len, ==, 8);      /* 10 - moved - left; the dead stay listed */
  g_clear_pointer (&got, g_array_unref);
  got = smt_people_query_ids (t->reg, &in_h2, &error);
  g_assert_cmpuint (got->len, ==, 11);
  /* still in Vietnamese order */
  for (guint i = 0, k = 0; i < got->len; i++)
    {
      while (k < all->len && g_array_index (all, gint64, k) != g_array_index (got, gint64, i))
        k++;
      g_assert_cmpuint (k, <, all->len);
    }
  g_clear_pointer (&got, g_array_unref);
  got = smt_people_query_ids (t->reg, &living, &error);
  g_assert_cmpuint (got->len, ==, 18);     /* 20 resident - left - dead */
  g_clear_pointer (&got, g_array_unref);
  got = smt_people_query_ids (t->reg, &living_an, &error);
  for (guint i = 0; i < got->len; i++)
    {
      gint64 id = g_array_index (got, gint64, i);

      g_assert_true (id != g_array_index (all, gint64, 4) && id != g_array_index (all, gint64, 5));
    }
  g_assert_no_error (error);
  smt_test_register_free (t);
}

/* Six people, today 2026-06-30, named so that the Vietnamese order is
 * their index order (An < Bích < Cường < Dũng < Hoa < Khoa):
 *   0 Nguyễn Thị An   F 10/05/1980 (46)  Phụ nữ and Nông dân, active in both
 *   1 Trần Thị Bích   F 01/02/1985 (41)  Phụ nữ, working away since 2019
 *   2 Lê Văn Cường    M 01/01/1970 (56)  Nông dân 2005–2020, left; Party member
 *   3 Phạm Văn Dũng   M 1990 only  (36)  never a member
 *   4 Võ Thị Hoa      F 30/06/2008 (18 today, the birthday reached)  never a member
 *   5 Đỗ Văn Khoa     M 01/07/1966 (59; 60 only tomorrow)  Nông dân, active; Party member */
enum { P_AN, P_BICH, P_CUONG, P_DUNG, P_HOA, P_KHOA, N_P };

typedef struct
{
  SmtTestRegister *t;
  gint64           person[N_P];
  gint64           pn, nd;
} Members;

static void
record (Members      *m,
        SmtEventKind  kind,
        int           person,
        gint64        org,
        gint64        branch,
        const char   *date)
{
  g_autoptr(GError) error = NULL;
  SmtMembershipChange change = {
    .kind = kind, .person_id = m->person[person], .organisation_id = org,
    .branch_id = branch, .date = date,
  };

  g_assert_cmpint (smt_membership_record (m->t->reg, &change, &error), !=, 0);
  g_assert_no_error (error);
}

static void
members_setup (Members *m)
{
  static const SmtPersonFields people[N_P] = {
    [P_AN] = { "Nguyễn", "Thị", "An", SMT_SEX_FEMALE, "1980-05-10", 1980 },
    [P_BICH] = { "Trần", "Thị", "Bích", SMT_SEX_FEMALE, "1985-02-01", 1985 },
    [P_CUONG] = { "Lê", "Văn", "Cường", SMT_SEX_MALE, "1970-01-01", 1970,
                  .party_since = "1995-05-19" },
    [P_DUNG] = { "Phạm", "Văn", "Dũng", SMT_SEX_MALE, NULL, 1990 },
    [P_HOA] = { "Võ", "Thị", "Hoa", SMT_SEX_FEMALE, "2008-06-30", 2008 },
    [P_KHOA] = { "Đỗ", "Văn", "Khoa", SMT_SEX_MALE, "1966-07-01", 1966,
                 .party_since = "2000-01-01" },
  };
  g_autoptr(GError) error = NULL;
  gint64 hamlet, pn_branch, nd_branch;

  m->t = smt_test_register_new ();
  m->pn = smt_organisation_lookup (m->t->reg, "PN");
  m->nd = smt_organisation_lookup (m->t->reg, "ND");
  hamlet = smt_hamlet_add (m->t->reg, "Ấp 1", "ấp", &error);
  g_assert_no_error (error);
  pn_branch = smt_branch_add (m->t->reg, m->pn, 0, "chi hội", "Chi hội Phụ nữ Ấp 1", &hamlet,
                              1, "2000-01-01", &error);
  g_assert_no_error (error);
  nd_branch = smt_branch_add (m->t->reg, m->nd, 0, "chi hội", "Chi hội Nông dân Ấp 1", &hamlet,
                              1, "2000-01-01", &error);
  g_assert_no_error (error);
  /* added last to first, so that the order comes from the sort keys */
  for (int p = N_P - 1; p >= 0; p--)
    {
      m->person[p] = smt_person_add (m->t->reg, &people[p], &error);
      g_assert_no_error (error);
    }
  record (m, SMT_EVENT_ADMITTED, P_AN, m->pn, pn_branch, "2010-01-01");
  record (m, SMT_EVENT_ADMITTED, P_AN, m->nd, nd_branch, "2011-01-01");
  record (m, SMT_EVENT_ADMITTED, P_BICH, m->pn, pn_branch, "2015-01-01");
  record (m, SMT_EVENT_AWAY, P_BICH, m->pn, 0, "2019-01-01");
  record (m, SMT_EVENT_ADMITTED, P_CUONG, m->nd, nd_branch, "2005-01-01");
  record (m, SMT_EVENT_LEFT, P_CUONG, m->nd, 0, "2020-01-01");
  record (m, SMT_EVENT_ADMITTED, P_KHOA, m->nd, nd_branch, "2000-01-01");
}

static void
test_person_filters (void)
{
#define END -1
  Members m;
  struct { const char *what; SmtPeopleFilter filter; gboolean with_pn, with_nd; int expected[N_P + 1]; }
  cases[] = {
    { "no filter", { 0 }, FALSE, FALSE, { P_AN, P_BICH, P_CUONG, P_DUNG, P_HOA, P_KHOA, END } },
    { "women", { .sex = 'F' }, FALSE, FALSE, { P_AN, P_BICH, P_HOA, END } },
    { "men", { .sex = 'M' }, FALSE, FALSE, { P_CUONG, P_DUNG, P_KHOA, END } },
    { "Party members", { .party = SMT_PEOPLE_PARTY_YES }, FALSE, FALSE, { P_CUONG, P_KHOA, END } },
    { "not Party members", { .party = SMT_PEOPLE_PARTY_NO }, FALSE, FALSE,
      { P_AN, P_BICH, P_DUNG, P_HOA, END } },
    /* Hoa is 18 today: in at 18, out at 19 */
    { "18 and over", { .age_min = 18 }, FALSE, FALSE,
      { P_AN, P_BICH, P_CUONG, P_DUNG, P_HOA, P_KHOA, END } },
    { "19 and over", { .age_min = 19 }, FALSE, FALSE,
      { P_AN, P_BICH, P_CUONG, P_DUNG, P_KHOA, END } },
    { "at most 18", { .age_max = 18 }, FALSE, FALSE, { P_HOA, END } },
    /* Khoa is 59 until tomorrow; Dũng counts by his year alone: 36 */
    { "60 and over", { .age_min = 60 }, FALSE, FALSE, { END } },
    { "56 to 59", { .age_min = 56, .age_max = 59 }, FALSE, FALSE, { P_CUONG, P_KHOA, END } },
    { "36 to 36", { .age_min = 36, .age_max = 36 }, FALSE, FALSE, { P_DUNG, END } },
    /* any organisation */
    { "active", { .status = SMT_PEOPLE_STATUS_ACTIVE }, FALSE, FALSE, { P_AN, P_KHOA, END } },
    { "away", { .status = SMT_PEOPLE_STATUS_AWAY }, FALSE, FALSE, { P_BICH, END } },
    { "left", { .status = SMT_PEOPLE_STATUS_LEFT }, FALSE, FALSE, { P_CUONG, END } },
    { "never", { .status = SMT_PEOPLE_STATUS_NEVER }, FALSE, FALSE, { P_DUNG, P_HOA, END } },
    /* one organisation: members today, away or not; An is in both */
    { "Phụ nữ", { 0 }, TRUE, FALSE, { P_AN, P_BICH, END } },
    { "Nông dân", { 0 }, FALSE, TRUE, { P_AN, P_KHOA, END } },
    { "Phụ nữ, active", { .status = SMT_PEOPLE_STATUS_ACTIVE }, TRUE, FALSE, { P_AN, END } },
    { "Phụ nữ, away", { .status = SMT_PEOPLE_STATUS_AWAY }, TRUE, FALSE, { P_BICH, END } },
    { "Nông dân, left", { .status = SMT_PEOPLE_STATUS_LEFT }, FALSE, TRUE, { P_CUONG, END } },
    /* Cường and Khoa were never in Phụ nữ, whatever else they are in */
    { "Phụ nữ, never", { .status = SMT_PEOPLE_STATUS_NEVER }, TRUE, FALSE,
      { P_CUONG, P_DUNG, P_HOA, P_KHOA, END } },
    /* combined */
    { "active women", { .sex = 'F', .status = SMT_PEOPLE_STATUS_ACTIVE }, FALSE, FALSE,
      { P_AN, END } },
    { "men under 59 in the Party", { .sex = 'M', .party = SMT_PEOPLE_PARTY_YES, .age_max = 58 },
      FALSE, FALSE, { P_CUONG, END } },
    { "Nông dân in the Party", { .party = SMT_PEOPLE_PARTY_YES }, FALSE, TRUE, { P_KHOA, END } },
    { "“van” never a member", { .search = "van", .status = SMT_PEOPLE_STATUS_NEVER }, FALSE,
      FALSE, { P_DUNG, END } },
    { "women of exactly 18", { .sex = 'F', .age_min = 18, .age_max = 18 }, FALSE, FALSE,
      { P_HOA, END } },
    { "women 40+ in Phụ nữ, living", { .sex = 'F', .age_min = 40 }, TRUE, FALSE,
      { P_AN, P_BICH, END } },
  };

  members_setup (&m);
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) got = NULL;
      SmtPeopleFilter filter = cases[c].filter;
      guint n = 0;

      g_test_message ("filter: %s", cases[c].what);
      filter.organisation_id = cases[c].with_pn ? m.pn : cases[c].with_nd ? m.nd : 0;
      got = smt_people_query_ids (m.t->reg, &filter, &error);
      g_assert_no_error (error);
      while (cases[c].expected[n] != END)
        n++;
      g_assert_cmpuint (got->len, ==, n);
      /* the same people in the same (Vietnamese) order */
      for (guint i = 0; i < n; i++)
        g_assert_cmpint (g_array_index (got, gint64, i), ==, m.person[cases[c].expected[i]]);
    }
  smt_test_register_free (m.t);
#undef END
}

/* The list in other orders, on a demo: each column's values in order,
 * ties in the name order, descending reversing only the column, the same
 * people as by name, and a filter kept. */
static void
check_order (SmtRegister    *reg,
             SmtPeopleOrder  order,
             gboolean        descending,
             char            sex)
{
  g_autoptr(GError) error = NULL;
  SmtPeopleFilter by_name = { .sex = sex };
  SmtPeopleFilter filter = { .sex = sex, .order = order, .descending = descending };
  g_autoptr(GArray) names = smt_people_query_ids (reg, &by_name, &error);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GHashTable) rank = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree SmtPersonRow *rows = NULL;

  g_assert_no_error (error);
  ids = smt_people_query_ids (reg, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, names->len);
  for (guint i = 0; i < names->len; i++)
    g_hash_table_insert (rank, &g_array_index (names, gint64, i), GUINT_TO_POINTER (i + 1));

  rows = g_new0 (SmtPersonRow, ids->len);
  for (guint at = 0; at < ids->len; at += 512)
    {
      guint n = MIN (512, ids->len - at);

      g_assert_true (smt_people_fetch_rows (reg, &g_array_index (ids, gint64, at), n, NULL,
                                            rows + at, &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < ids->len; i++)
    {
      g_assert_true (g_hash_table_contains (rank, &g_array_index (ids, gint64, i)));
      if (sex != 0)
        g_assert_cmpint (rows[i].sex, ==, sex);
    }
  for (guint i = 0; i + 1 < ids->len; i++)
    {
      const SmtPersonRow *a = &rows[i], *b = &rows[i + 1];
      guint ra = GPOINTER_TO_UINT (g_hash_table_lookup (rank, &a->id));
      guint rb = GPOINTER_TO_UINT (g_hash_table_lookup (rank, &b->id));
      int c = 0;

      switch (order)
        {
        case SMT_PEOPLE_ORDER_BIRTH_YEAR:
          c = (a->birth_year > b->birth_year) - (a->birth_year < b->birth_year);
          break;
        case SMT_PEOPLE_ORDER_SEX:
          c = (a->sex < b->sex) - (a->sex > b->sex);
          break;
        case SMT_PEOPLE_ORDER_HAMLET:
          if (a->hamlet[0] == '\0' || b->hamlet[0] == '\0')
            c = (a->hamlet[0] == '\0') - (b->hamlet[0] == '\0');
          else
            {
              g_autoptr(GBytes) ka = smt_text_sort_key (a->hamlet);
              g_autoptr(GBytes) kb = smt_text_sort_key (b->hamlet);

              c = g_bytes_compare (ka, kb);
            }
          break;
        case SMT_PEOPLE_ORDER_NAME:
        default:
          c = (ra > rb) - (ra < rb);
          break;
        }
      if (descending)
        c = -c;
      if (c > 0)
        g_error ("order %d%s: “%s” before “%s”", order, descending ? " desc" : "",
                 a->full_name, b->full_name);
      if (c == 0 && order != SMT_PEOPLE_ORDER_NAME)
        g_assert_cmpuint (ra, <, rb);
    }
  for (guint i = 0; i < ids->len; i++)
    smt_person_row_clear (&rows[i]);
}

static void
test_orders (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("smt-order-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "demo.smt", NULL);
  g_autoptr(SmtRegister) reg = NULL;
  const SmtPeopleOrder orders[] = {
    SMT_PEOPLE_ORDER_NAME, SMT_PEOPLE_ORDER_BIRTH_YEAR, SMT_PEOPLE_ORDER_SEX,
    SMT_PEOPLE_ORDER_HAMLET,
  };

  g_assert_no_error (error);
  g_assert_true (smt_demo_generate (path, 600, 3, NULL, NULL, &error));
  g_assert_no_error (error);
  reg = smt_register_open (path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (orders); i++)
    {
      check_order (reg, orders[i], FALSE, 0);
      check_order (reg, orders[i], TRUE, 0);
      check_order (reg, orders[i], TRUE, 'F');
    }
  g_clear_object (&reg);
  smt_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* messages in the test log as UTF-8, not “?” */
  setlocale (LC_ALL, "");
  g_test_add_func ("/people-query/vietnamese-order", test_vietnamese_order);
  g_test_add_func ("/people-query/folded-search", test_folded_search);
  g_test_add_func ("/people-query/filters", test_filters);
  g_test_add_func ("/people-query/person-filters", test_person_filters);
  g_test_add_func ("/people-query/orders", test_orders);
  return g_test_run ();
}
