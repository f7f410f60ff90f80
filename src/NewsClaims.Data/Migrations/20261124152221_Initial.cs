using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using NpgsqlTypes;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace NewsClaims.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,")
                .Annotation("Npgsql:PostgresExtension:unaccent", ",,");

            // Before the tables: the generated search vector calls it (see NewsClaimsDbContext's remarks).
            migrationBuilder.Sql(DatabaseFunctions.CreateUnaccent);

            migrationBuilder.CreateTable(
                name: "asp_net_roles",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_roles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "asp_net_users",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    display_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    password_hash = table.Column<string>(type: "text", nullable: true),
                    security_stamp = table.Column<string>(type: "text", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true),
                    phone_number = table.Column<string>(type: "text", nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    access_failed_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outlets",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    web_domain = table.Column<string>(type: "character varying(253)", maxLength: 253, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    name_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, computedColumnSql: "lower(name)", stored: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outlets", x => x.id);
                    table.CheckConstraint("ck_outlets_name_not_blank", "btrim(name) <> ''");
                    table.CheckConstraint("ck_outlets_web_domain_lowercase", "web_domain = lower(web_domain)");
                });

            migrationBuilder.CreateTable(
                name: "people",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    slug = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    wikidata_id = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    needs_review = table.Column<bool>(type: "boolean", nullable: false),
                    merged_into_id = table.Column<long>(type: "bigint", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_people", x => x.id);
                    table.CheckConstraint("ck_people_name_not_blank", "btrim(name) <> ''");
                    table.CheckConstraint("ck_people_not_merged_into_self", "merged_into_id <> id");
                    table.CheckConstraint("ck_people_slug_format", "slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'");
                    table.CheckConstraint("ck_people_wikidata_id_format", "wikidata_id ~ '^Q[1-9][0-9]*$'");
                    table.ForeignKey(
                        name: "fk_people_people_merged_into_id",
                        column: x => x.merged_into_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "quote_groups",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    normalised_text = table.Column<string>(type: "text", nullable: false),
                    canonical_text = table.Column<string>(type: "text", nullable: false),
                    first_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    normalised_text_md5 = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true, computedColumnSql: "md5(normalised_text)", stored: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_quote_groups", x => x.id);
                    table.CheckConstraint("ck_quote_groups_normalised_text_not_empty", "normalised_text <> ''");
                });

            migrationBuilder.CreateTable(
                name: "asp_net_role_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    role_id = table.Column<string>(type: "text", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_role_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_asp_net_role_claims_asp_net_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "asp_net_roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "asp_net_user_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<string>(type: "text", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_user_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_asp_net_user_claims_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "asp_net_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "asp_net_user_logins",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    provider_key = table.Column<string>(type: "text", nullable: false),
                    provider_display_name = table.Column<string>(type: "text", nullable: true),
                    user_id = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_user_logins", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "fk_asp_net_user_logins_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "asp_net_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "asp_net_user_roles",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "text", nullable: false),
                    role_id = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_user_roles", x => new { x.user_id, x.role_id });
                    table.ForeignKey(
                        name: "fk_asp_net_user_roles_asp_net_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "asp_net_roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_asp_net_user_roles_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "asp_net_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "asp_net_user_tokens",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "text", nullable: false),
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_user_tokens", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "fk_asp_net_user_tokens_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "asp_net_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    account_id = table.Column<string>(type: "text", nullable: true),
                    entity_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    entity_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    action = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    changes = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.id);
                    table.CheckConstraint("ck_audit_entries_changes_object", "jsonb_typeof(changes) = 'object'");
                    table.ForeignKey(
                        name: "fk_audit_entries_asp_net_users_account_id",
                        column: x => x.account_id,
                        principalTable: "asp_net_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "claims",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    created_by_id = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    topics = table.Column<string[]>(type: "text[]", nullable: false),
                    verdict = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    verdict_explanation = table.Column<string>(type: "text", nullable: true),
                    rated_by_id = table.Column<string>(type: "text", nullable: true),
                    rated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    verdict_sources = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_claims", x => x.id);
                    table.CheckConstraint("ck_claims_rated", "(verdict IS NULL) = (rated_at IS NULL) AND (verdict IS NULL OR verdict_explanation IS NOT NULL)");
                    table.CheckConstraint("ck_claims_text_not_blank", "btrim(text) <> ''");
                    table.CheckConstraint("ck_claims_verdict", "verdict IN ('true', 'mostly_true', 'mixed', 'mostly_false', 'false', 'unsupported', 'misleading')");
                    table.ForeignKey(
                        name: "fk_claims_asp_net_users_created_by_id",
                        column: x => x.created_by_id,
                        principalTable: "asp_net_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_claims_asp_net_users_rated_by_id",
                        column: x => x.rated_by_id,
                        principalTable: "asp_net_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "articles",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    title = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    canonical_url = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    outlet_id = table.Column<long>(type: "bigint", nullable: true),
                    author = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    published_on = table.Column<DateOnly>(type: "date", nullable: true),
                    language = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    body = table.Column<string>(type: "text", nullable: false),
                    content_hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    reported_via = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    imported_by_id = table.Column<string>(type: "text", nullable: true),
                    extractor_version = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    is_sample = table.Column<bool>(type: "boolean", nullable: false),
                    current_revision = table.Column<int>(type: "integer", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_articles", x => x.id);
                    table.CheckConstraint("ck_articles_body_not_empty", "body <> ''");
                    table.CheckConstraint("ck_articles_content_hash_sha256", "content_hash ~ '^[0-9a-f]{64}$'");
                    table.CheckConstraint("ck_articles_current_revision_positive", "current_revision >= 1");
                    table.CheckConstraint("ck_articles_language", "language ~ '^[a-z]{2,3}(-[a-z0-9]{2,8})*$'");
                    table.CheckConstraint("ck_articles_title_not_blank", "btrim(title) <> ''");
                    table.ForeignKey(
                        name: "fk_articles_asp_net_users_imported_by_id",
                        column: x => x.imported_by_id,
                        principalTable: "asp_net_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_articles_outlets_outlet_id",
                        column: x => x.outlet_id,
                        principalTable: "outlets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "person_aliases",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    person_id = table.Column<long>(type: "bigint", nullable: false),
                    alias = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    normalised_alias = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_person_aliases", x => x.id);
                    table.CheckConstraint("ck_person_aliases_alias_not_blank", "btrim(alias) <> ''");
                    table.CheckConstraint("ck_person_aliases_normalised_lowercase", "normalised_alias = lower(normalised_alias) AND normalised_alias <> ''");
                    table.ForeignKey(
                        name: "fk_person_aliases_people_person_id",
                        column: x => x.person_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "person_roles",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    person_id = table.Column<long>(type: "bigint", nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    organisation = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    started_on = table.Column<DateOnly>(type: "date", nullable: true),
                    ended_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_person_roles", x => x.id);
                    table.CheckConstraint("ck_person_roles_dates_in_order", "started_on <= ended_on");
                    table.CheckConstraint("ck_person_roles_title_not_blank", "btrim(title) <> ''");
                    table.ForeignKey(
                        name: "fk_person_roles_people_person_id",
                        column: x => x.person_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "person_slug_redirects",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    old_slug = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    person_id = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_person_slug_redirects", x => x.id);
                    table.CheckConstraint("ck_person_slug_redirects_old_slug_format", "old_slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'");
                    table.ForeignKey(
                        name: "fk_person_slug_redirects_people_person_id",
                        column: x => x.person_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "claim_relations",
                columns: table => new
                {
                    from_claim_id = table.Column<long>(type: "bigint", nullable: false),
                    to_claim_id = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_by_id = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_claim_relations", x => new { x.from_claim_id, x.to_claim_id, x.kind });
                    table.CheckConstraint("ck_claim_relations_kind", "kind IN ('supports', 'contradicts', 'same_as')");
                    table.CheckConstraint("ck_claim_relations_not_self", "from_claim_id <> to_claim_id");
                    table.ForeignKey(
                        name: "fk_claim_relations_asp_net_users_created_by_id",
                        column: x => x.created_by_id,
                        principalTable: "asp_net_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_claim_relations_claims_from_claim_id",
                        column: x => x.from_claim_id,
                        principalTable: "claims",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_claim_relations_claims_to_claim_id",
                        column: x => x.to_claim_id,
                        principalTable: "claims",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "article_revisions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    article_id = table.Column<long>(type: "bigint", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    body = table.Column<string>(type: "text", nullable: false),
                    content_hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by_id = table.Column<string>(type: "text", nullable: true),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_article_revisions", x => x.id);
                    table.CheckConstraint("ck_article_revisions_content_hash_sha256", "content_hash ~ '^[0-9a-f]{64}$'");
                    table.CheckConstraint("ck_article_revisions_number_positive", "number >= 1");
                    table.ForeignKey(
                        name: "fk_article_revisions_articles_article_id",
                        column: x => x.article_id,
                        principalTable: "articles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_article_revisions_asp_net_users_created_by_id",
                        column: x => x.created_by_id,
                        principalTable: "asp_net_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "statements",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    article_id = table.Column<long>(type: "bigint", nullable: false),
                    span_start = table.Column<int>(type: "integer", nullable: false),
                    span_end = table.Column<int>(type: "integer", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    speaker_id = table.Column<long>(type: "bigint", nullable: true),
                    mention_start = table.Column<int>(type: "integer", nullable: true),
                    mention_end = table.Column<int>(type: "integer", nullable: true),
                    mention_text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    unnamed_source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    speaker_rule = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    cue_start = table.Column<int>(type: "integer", nullable: true),
                    cue_end = table.Column<int>(type: "integer", nullable: true),
                    cue_text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    when_said_text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    when_said_date = table.Column<DateOnly>(type: "date", nullable: true),
                    when_said_precision = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    place = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    occasion = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    confidence = table.Column<double>(type: "double precision", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    reviewed_by_id = table.Column<string>(type: "text", nullable: true),
                    reviewed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    rejection_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    extractor_version = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    reported_via = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    quote_group_id = table.Column<long>(type: "bigint", nullable: true),
                    anchor_status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    anchored_revision = table.Column<int>(type: "integer", nullable: false, defaultValue: 1),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    search_vector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: true, computedColumnSql: "to_tsvector('english'::regconfig, public.f_unaccent(text))", stored: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_statements", x => x.id);
                    table.CheckConstraint("ck_statements_anchor_status", "anchor_status IN ('anchored', 'orphaned')");
                    table.CheckConstraint("ck_statements_anchored_revision_positive", "anchored_revision >= 1");
                    table.CheckConstraint("ck_statements_confidence_range", "confidence >= 0 AND confidence <= 1");
                    table.CheckConstraint("ck_statements_cue_span", "num_nulls(cue_start, cue_end, cue_text) IN (0, 3) AND (cue_start IS NULL OR (cue_start >= 0 AND cue_start < cue_end))");
                    table.CheckConstraint("ck_statements_kind", "kind IN ('direct', 'indirect', 'mixed')");
                    table.CheckConstraint("ck_statements_mention_span", "num_nulls(mention_start, mention_end, mention_text) IN (0, 3) AND (mention_start IS NULL OR (mention_start >= 0 AND mention_start < mention_end))");
                    table.CheckConstraint("ck_statements_rejection_reason", "(status = 'rejected') = (rejection_reason IS NOT NULL)");
                    table.CheckConstraint("ck_statements_reviewed", "status = 'extracted' OR reviewed_at IS NOT NULL");
                    table.CheckConstraint("ck_statements_span", "span_start >= 0 AND span_start < span_end");
                    table.CheckConstraint("ck_statements_status", "status IN ('extracted', 'confirmed', 'corrected', 'rejected')");
                    table.CheckConstraint("ck_statements_text_not_empty", "text <> ''");
                    table.CheckConstraint("ck_statements_when_said_date_has_precision", "(when_said_date IS NULL) = (when_said_precision = 'unknown')");
                    table.CheckConstraint("ck_statements_when_said_precision", "when_said_precision IN ('unknown', 'day', 'month', 'year')");
                    table.ForeignKey(
                        name: "fk_statements_articles_article_id",
                        column: x => x.article_id,
                        principalTable: "articles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_statements_asp_net_users_reviewed_by_id",
                        column: x => x.reviewed_by_id,
                        principalTable: "asp_net_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_statements_people_speaker_id",
                        column: x => x.speaker_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_statements_quote_groups_quote_group_id",
                        column: x => x.quote_group_id,
                        principalTable: "quote_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "annotations",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    author_id = table.Column<string>(type: "text", nullable: false),
                    article_id = table.Column<long>(type: "bigint", nullable: true),
                    statement_id = table.Column<long>(type: "bigint", nullable: true),
                    claim_id = table.Column<long>(type: "bigint", nullable: true),
                    person_id = table.Column<long>(type: "bigint", nullable: true),
                    article_revision = table.Column<int>(type: "integer", nullable: true),
                    motivation = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    body = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    body_revision = table.Column<int>(type: "integer", nullable: false),
                    tags = table.Column<string[]>(type: "text[]", nullable: false),
                    parent_id = table.Column<long>(type: "bigint", nullable: true),
                    visibility = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    anchor_status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    selector = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_annotations", x => x.id);
                    table.CheckConstraint("ck_annotations_anchor_status", "anchor_status IN ('anchored', 'orphaned')");
                    table.CheckConstraint("ck_annotations_body_not_blank", "btrim(body) <> ''");
                    table.CheckConstraint("ck_annotations_body_revision_positive", "body_revision >= 1");
                    table.CheckConstraint("ck_annotations_motivation", "motivation IN ('commenting', 'assessing', 'correcting', 'questioning', 'tagging', 'linking')");
                    table.CheckConstraint("ck_annotations_not_own_parent", "parent_id <> id");
                    table.CheckConstraint("ck_annotations_selector_position", "selector IS NULL OR jsonb_typeof(selector->'position') IS DISTINCT FROM 'object' OR coalesce((selector->'position'->>'start')::int >= 0 AND (selector->'position'->>'start')::int < (selector->'position'->>'end')::int, false)");
                    table.CheckConstraint("ck_annotations_selector_quote", "selector IS NULL OR jsonb_typeof(selector->'quote'->'exact') = 'string'");
                    table.CheckConstraint("ck_annotations_single_target", "num_nonnulls(article_id, statement_id, claim_id, person_id) = 1");
                    table.CheckConstraint("ck_annotations_visibility", "visibility IN ('draft', 'published')");
                    table.ForeignKey(
                        name: "fk_annotations_annotations_parent_id",
                        column: x => x.parent_id,
                        principalTable: "annotations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_annotations_articles_article_id",
                        column: x => x.article_id,
                        principalTable: "articles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_annotations_asp_net_users_author_id",
                        column: x => x.author_id,
                        principalTable: "asp_net_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_annotations_claims_claim_id",
                        column: x => x.claim_id,
                        principalTable: "claims",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_annotations_people_person_id",
                        column: x => x.person_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_annotations_statements_statement_id",
                        column: x => x.statement_id,
                        principalTable: "statements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "claim_statements",
                columns: table => new
                {
                    claim_id = table.Column<long>(type: "bigint", nullable: false),
                    statement_id = table.Column<long>(type: "bigint", nullable: false),
                    added_by_id = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_claim_statements", x => new { x.claim_id, x.statement_id });
                    table.ForeignKey(
                        name: "fk_claim_statements_asp_net_users_added_by_id",
                        column: x => x.added_by_id,
                        principalTable: "asp_net_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_claim_statements_claims_claim_id",
                        column: x => x.claim_id,
                        principalTable: "claims",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_claim_statements_statements_statement_id",
                        column: x => x.statement_id,
                        principalTable: "statements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "statement_persons",
                columns: table => new
                {
                    statement_id = table.Column<long>(type: "bigint", nullable: false),
                    person_id = table.Column<long>(type: "bigint", nullable: false),
                    role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_statement_persons", x => new { x.statement_id, x.person_id, x.role });
                    table.CheckConstraint("ck_statement_persons_role", "role IN ('addressee', 'subject')");
                    table.ForeignKey(
                        name: "fk_statement_persons_people_person_id",
                        column: x => x.person_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_statement_persons_statements_statement_id",
                        column: x => x.statement_id,
                        principalTable: "statements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "annotation_revisions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    annotation_id = table.Column<long>(type: "bigint", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    body = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    edited_by_id = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_annotation_revisions", x => x.id);
                    table.CheckConstraint("ck_annotation_revisions_number_positive", "number >= 1");
                    table.ForeignKey(
                        name: "fk_annotation_revisions_annotations_annotation_id",
                        column: x => x.annotation_id,
                        principalTable: "annotations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_annotation_revisions_asp_net_users_edited_by_id",
                        column: x => x.edited_by_id,
                        principalTable: "asp_net_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "asp_net_roles",
                columns: new[] { "id", "concurrency_stamp", "name", "normalized_name" },
                values: new object[,]
                {
                    { "4f1b0c1e-6d2a-4c55-9d0e-2f6a3b7c8d01", "4f1b0c1e-6d2a-4c55-9d0e-2f6a3b7c8d01", "Editor", "EDITOR" },
                    { "9a7e5d3c-1b2f-4e60-8a9d-0c1b2a3f4e02", "9a7e5d3c-1b2f-4e60-8a9d-0c1b2a3f4e02", "Admin", "ADMIN" }
                });

            migrationBuilder.CreateIndex(
                name: "ix_annotation_revisions_annotation_id_number",
                table: "annotation_revisions",
                columns: new[] { "annotation_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_annotation_revisions_edited_by_id",
                table: "annotation_revisions",
                column: "edited_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_annotations_article_id",
                table: "annotations",
                column: "article_id");

            migrationBuilder.CreateIndex(
                name: "ix_annotations_author_id",
                table: "annotations",
                column: "author_id");

            migrationBuilder.CreateIndex(
                name: "ix_annotations_claim_id",
                table: "annotations",
                column: "claim_id");

            migrationBuilder.CreateIndex(
                name: "ix_annotations_parent_id",
                table: "annotations",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_annotations_person_id",
                table: "annotations",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_annotations_statement_id",
                table: "annotations",
                column: "statement_id");

            migrationBuilder.CreateIndex(
                name: "ix_annotations_tags",
                table: "annotations",
                column: "tags")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_article_revisions_article_id_number",
                table: "article_revisions",
                columns: new[] { "article_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_article_revisions_created_by_id",
                table: "article_revisions",
                column: "created_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_articles_canonical_url",
                table: "articles",
                column: "canonical_url",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_articles_content_hash",
                table: "articles",
                column: "content_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_articles_imported_by_id",
                table: "articles",
                column: "imported_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_articles_outlet_id",
                table: "articles",
                column: "outlet_id");

            migrationBuilder.CreateIndex(
                name: "ix_articles_published_on",
                table: "articles",
                column: "published_on");

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_role_claims_role_id",
                table: "asp_net_role_claims",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "asp_net_roles",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_user_claims_user_id",
                table: "asp_net_user_claims",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_user_logins_user_id",
                table: "asp_net_user_logins",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_user_roles_role_id",
                table: "asp_net_user_roles",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "asp_net_users",
                column: "normalized_email");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "asp_net_users",
                column: "normalized_user_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_account_id",
                table: "audit_entries",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_at",
                table: "audit_entries",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_entity_type_entity_id_at",
                table: "audit_entries",
                columns: new[] { "entity_type", "entity_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_claim_relations_created_by_id",
                table: "claim_relations",
                column: "created_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_claim_relations_to_claim_id",
                table: "claim_relations",
                column: "to_claim_id");

            migrationBuilder.CreateIndex(
                name: "ix_claim_statements_added_by_id",
                table: "claim_statements",
                column: "added_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_claim_statements_statement_id",
                table: "claim_statements",
                column: "statement_id");

            migrationBuilder.CreateIndex(
                name: "ix_claims_created_by_id",
                table: "claims",
                column: "created_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_claims_rated_by_id",
                table: "claims",
                column: "rated_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_claims_topics",
                table: "claims",
                column: "topics")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_claims_verdict",
                table: "claims",
                column: "verdict");

            migrationBuilder.CreateIndex(
                name: "ix_outlets_name_key",
                table: "outlets",
                column: "name_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outlets_web_domain",
                table: "outlets",
                column: "web_domain",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_people_merged_into_id",
                table: "people",
                column: "merged_into_id");

            migrationBuilder.CreateIndex(
                name: "ix_people_needs_review",
                table: "people",
                column: "needs_review",
                filter: "needs_review");

            migrationBuilder.CreateIndex(
                name: "ix_people_slug",
                table: "people",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_people_wikidata_id",
                table: "people",
                column: "wikidata_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_person_aliases_normalised_alias",
                table: "person_aliases",
                column: "normalised_alias");

            migrationBuilder.CreateIndex(
                name: "ix_person_aliases_normalised_alias_trgm",
                table: "person_aliases",
                column: "normalised_alias")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_person_aliases_person_id_normalised_alias",
                table: "person_aliases",
                columns: new[] { "person_id", "normalised_alias" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_person_roles_person_id",
                table: "person_roles",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_person_slug_redirects_old_slug",
                table: "person_slug_redirects",
                column: "old_slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_person_slug_redirects_person_id",
                table: "person_slug_redirects",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_quote_groups_normalised_text",
                table: "quote_groups",
                column: "normalised_text")
                .Annotation("Npgsql:IndexMethod", "hash");

            migrationBuilder.CreateIndex(
                name: "ix_quote_groups_normalised_text_md5",
                table: "quote_groups",
                column: "normalised_text_md5",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_statement_persons_person_id",
                table: "statement_persons",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_statements_article_id_span_start",
                table: "statements",
                columns: new[] { "article_id", "span_start" });

            migrationBuilder.CreateIndex(
                name: "ix_statements_quote_group_id",
                table: "statements",
                column: "quote_group_id");

            migrationBuilder.CreateIndex(
                name: "ix_statements_review_queue",
                table: "statements",
                column: "status",
                filter: "status = 'extracted'");

            migrationBuilder.CreateIndex(
                name: "ix_statements_reviewed_by_id",
                table: "statements",
                column: "reviewed_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_statements_search_vector",
                table: "statements",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_statements_speaker_id_status",
                table: "statements",
                columns: new[] { "speaker_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_statements_text_trgm",
                table: "statements",
                column: "text")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "annotation_revisions");

            migrationBuilder.DropTable(
                name: "article_revisions");

            migrationBuilder.DropTable(
                name: "asp_net_role_claims");

            migrationBuilder.DropTable(
                name: "asp_net_user_claims");

            migrationBuilder.DropTable(
                name: "asp_net_user_logins");

            migrationBuilder.DropTable(
                name: "asp_net_user_roles");

            migrationBuilder.DropTable(
                name: "asp_net_user_tokens");

            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "claim_relations");

            migrationBuilder.DropTable(
                name: "claim_statements");

            migrationBuilder.DropTable(
                name: "person_aliases");

            migrationBuilder.DropTable(
                name: "person_roles");

            migrationBuilder.DropTable(
                name: "person_slug_redirects");

            migrationBuilder.DropTable(
                name: "statement_persons");

            migrationBuilder.DropTable(
                name: "annotations");

            migrationBuilder.DropTable(
                name: "asp_net_roles");

            migrationBuilder.DropTable(
                name: "claims");

            migrationBuilder.DropTable(
                name: "statements");

            migrationBuilder.DropTable(
                name: "articles");

            migrationBuilder.DropTable(
                name: "people");

            migrationBuilder.DropTable(
                name: "quote_groups");

            migrationBuilder.DropTable(
                name: "asp_net_users");

            migrationBuilder.DropTable(
                name: "outlets");

            migrationBuilder.Sql(DatabaseFunctions.DropUnaccent);
        }
    }
}
