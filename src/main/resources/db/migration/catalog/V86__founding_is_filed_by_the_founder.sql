-- 企业设立登记 is filed by the founder as a person (issue 12, ADR 0030 addendum): the enterprise does not exist until
-- its approval registers it, so nobody can file it "as" the enterprise, and an enterprise-only item now refuses a
-- filing that names no enterprise. Its approval then founds the enterprise with the founder as legal
-- representative. A demo database seeded before this gets the channel on the newest version of both items; a
-- fresh one has no items yet at this point (DemoCatalog seeds them from catalog/demo-items.psv, changed alike).
update catalog.service_item s set channels = array['PERSON']
 where s.code in ('440100-SCJG-001', '440300-SCJG-001') and s.name_zh in ('企业设立登记', '企业设立登记（深圳）')
   and s.version = (select max(version) from catalog.service_item v where v.code = s.code);
